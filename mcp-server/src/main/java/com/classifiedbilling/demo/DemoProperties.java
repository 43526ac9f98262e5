package com.classifiedbilling.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param onFirstStart {@code auto} (demo data on the embedded database only), {@code true} or
 *     {@code false}; from {@code BILLING_DEMO}. Demo data is made only when no user exists yet.
 * @param email the demo user's email
 */
@ConfigurationProperties("billing.demo")
public record DemoProperties(
        @DefaultValue("auto") String onFirstStart,
        @DefaultValue("demo@classifiedbilling.example") String email) {}
