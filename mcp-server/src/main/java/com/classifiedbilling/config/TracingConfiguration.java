package com.classifiedbilling.config;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationPredicate;
import io.r2dbc.proxy.observation.QueryContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Traces are made only while they are exported: with {@code
 * MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT} set, each tool call is a trace (its door's
 * span, the registry's, and one span per SQL statement); without it no observation is made at all,
 * and the database connections are not wrapped. Nothing else is observed: not every HTTP request
 * (a tool call's span continues the caller's {@code traceparent}, from the message's {@code _meta}
 * or the HTTP header, which the HTTP layer's span could not read) and not the security filters.
 * The meters those observations would make are dropped: the tool calls have their own
 * ({@code billing.tool.calls}), the same with and without traces.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** Spring Boot's setting of the OTLP endpoint that spans are sent to. */
    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    /**
     * The observations made for traces start with this: {@code billing.traced.tool.call} (the door,
     * {@code ToolCallObservation}) and {@code billing.traced.tool.run} (the registry).
     */
    static final String TRACED = "billing.traced.";

    /** The SQL statements' observations ({@code r2dbc.query}) and their meters. */
    private static final String SQL = "r2dbc.query";

    static boolean exportsTraces(Environment environment) {
        return StringUtils.hasText(environment.getProperty(ENDPOINT));
    }

    @Bean
    ObservationPredicate onlyTracedToolCalls(Environment environment) {
        boolean exporting = exportsTraces(environment);
        // r2dbc-proxy asks before its convention has named the observation: it is known by its context
        return (name, context) ->
                exporting && ((name != null && name.startsWith(TRACED)) || context instanceof QueryContext);
    }

    @Bean
    MeterFilter noMetersFromTraces() {
        return MeterFilter.deny(
                id -> id.getName().startsWith(TRACED) || id.getName().startsWith(SQL));
    }
}
