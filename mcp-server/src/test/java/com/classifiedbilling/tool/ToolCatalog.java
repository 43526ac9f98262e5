package com.classifiedbilling.tool;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;

/**
 * The tool classes of the main code, found on the classpath, for tests that check what every tool
 * declares. Tools are made with {@code null} collaborators: these tests read their declarations
 * and never call them.
 */
final class ToolCatalog {

    private ToolCatalog() {}

    static List<BillingTool<?, ?>> tools() {
        return new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.classifiedbilling.tool")
                        .stream()
                        .filter(c -> c.isAssignableTo(BillingTool.class) && !c.isInterface())
                        .map(JavaClass::reflect)
                        .map(ToolCatalog::instantiate)
                        .sorted(Comparator.comparing(BillingTool::name))
                        .toList();
    }

    /** The result record a tool declares as its second type argument. */
    static Class<?> resultType(BillingTool<?, ?> tool) {
        for (Type type : tool.getClass().getGenericInterfaces()) {
            if (type instanceof ParameterizedType p && p.getRawType() == BillingTool.class) {
                return (Class<?>) p.getActualTypeArguments()[1];
            }
        }
        throw new IllegalStateException(tool.getClass() + " does not declare BillingTool<I, R>");
    }

    private static BillingTool<?, ?> instantiate(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            return (BillingTool<?, ?>) constructor.newInstance(new Object[constructor.getParameterCount()]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
