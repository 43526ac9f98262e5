package com.classifiedbilling.config;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Which values of a request's Reactor context are copied into thread locals as it runs. With
 * context-propagation on the classpath (tracing brings it), Reactor sets every context value that
 * has a registered {@link ThreadLocalAccessor} into its thread local around each {@code handle()}
 * step, and puts the old value back after: the database driver decodes each row in such steps.
 * Registered from the classpath are Spring Security's three (its security context, twice, and the
 * exchange) and the observation's, whose value WebFlux puts in every request's context (a no-op
 * observation while nothing is traced). So each row of each call set and cleared four thread
 * locals: about 5 % of a JSON door call's CPU samples (docs/performance.md).
 *
 * <p>Nothing here reads Spring Security's: the principal travels as an exchange attribute, and
 * Spring Security's reactive code reads the Reactor context itself. They are unregistered. The
 * observation's is read only by traced SQL statements, to find their parent span (r2dbc-proxy asks
 * for the current observation), so it stays registered only while traces are exported.
 */
@Configuration(proxyBeanMethods = false)
class ThreadLocalsConfiguration {

    /** The accessors that nothing in this server reads. */
    private static final List<String> UNREAD = List.of(
            "org.springframework.security.core.context.ReactiveSecurityContextHolderThreadLocalAccessor",
            "org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor",
            "org.springframework.security.web.server.ServerWebExchangeThreadLocalAccessor");

    @Bean
    PropagatedThreadLocals propagatedThreadLocals(Environment environment) {
        return propagate(ContextRegistry.getInstance(), TracingConfiguration.exportsTraces(environment));
    }

    /** Leaves registered only the accessors read here: the observation's while {@code traced}. */
    static PropagatedThreadLocals propagate(ContextRegistry registry, boolean traced) {
        registry.getThreadLocalAccessors().stream()
                .filter(accessor -> UNREAD.contains(accessor.getClass().getName()))
                .map(ThreadLocalAccessor::key)
                .toList()
                .forEach(registry::removeThreadLocalAccessor);
        boolean observed = registry.getThreadLocalAccessors().stream()
                .anyMatch(accessor -> ObservationThreadLocalAccessor.KEY.equals(accessor.key()));
        if (traced && !observed) {
            // the registry is the JVM's: a context made before without traces took it away
            registry.registerThreadLocalAccessor(ObservationThreadLocalAccessor.getInstance());
        } else if (!traced) {
            registry.removeThreadLocalAccessor(ObservationThreadLocalAccessor.KEY);
        }
        return new PropagatedThreadLocals(registry.getThreadLocalAccessors().stream()
                .map(accessor -> accessor.getClass().getName())
                .toList());
    }

    /** The accessors still registered: what Reactor copies into thread locals. */
    record PropagatedThreadLocals(List<String> accessors) {}
}
