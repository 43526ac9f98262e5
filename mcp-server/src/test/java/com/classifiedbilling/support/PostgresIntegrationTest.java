package com.classifiedbilling.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Spring integration tests: the application runs on a fresh PostgreSQL database made
 * for this test run, shared by every class that extends this one (each test makes its own users and
 * workspaces, so they do not meet).
 */
public abstract class PostgresIntegrationTest {

    protected static final TestDatabase database = TestDatabase.create();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("billing.database.url", database::url);
    }
}
