package com.classifiedbilling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries DESIGN.md draws, checked on the compiled classes of both modules. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.classifiedbilling");

    @Test
    void billingDomainShouldKnowNothingOfWebMcpOrR2dbc() {
        noClasses()
                .that()
                .resideInAPackage("com.classifiedbilling.billing")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "io.r2dbc..",
                        "io.modelcontextprotocol..",
                        "reactor.netty..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..",
                        "jakarta.servlet..",
                        "com.classifiedbilling.billing.r2dbc..",
                        "com.classifiedbilling.rest..",
                        "com.classifiedbilling.config..")
                .because("the billing domain is plain Java and Reactor; storage and doors adapt to it")
                .check(CLASSES);
    }

    @Test
    void authModuleShouldNotDependOnTheServer() {
        noClasses()
                .that()
                .resideInAPackage("com.classifiedbilling.auth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.classifiedbilling.billing..",
                        "com.classifiedbilling.rest..",
                        "com.classifiedbilling.config..",
                        "com.classifiedbilling.admin..",
                        "com.classifiedbilling.demo..")
                .because("dependencies point one way: mcp-server -> mcp-auth -> schema")
                .check(CLASSES);
    }
}
