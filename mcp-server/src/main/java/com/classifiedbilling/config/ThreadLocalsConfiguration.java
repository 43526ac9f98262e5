package com.classifiedbilling.config;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which values of a request's Reactor context are copied into thread locals as it runs. With
 * context-propagation on the classpath (tracing brings it), Reactor sets every context value that
 * has a registered {@link ThreadLocalAccessor} into its thread local around each {@code handle()}
 * step, and puts the old value back after: the database driver decodes each row in such steps.
 * Spring Security registers three accessors (its security context, twice, and the exchange), so
 * each row of each call set and cleared three thread locals: about 5 % of a JSON door call's CPU
 * samples (docs/performance.md). Nothing here reads them — the principal travels as an exchange
 * attribute and Spring Security's reactive code reads the Reactor context itself — so they are
 * unregistered; the observation's accessor stays, as a traced SQL statement finds its parent
 * span through it.
 */
@Configuration(proxyBeanMethods = false)
class ThreadLocalsConfiguration {

    /** The registered accessors that nothing in this server reads. */
    private static final List<String> UNREAD = List.of(
            "org.springframework.security.core.context.ReactiveSecurityContextHolderThreadLocalAccessor",
            "org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor",
            "org.springframework.security.web.server.ServerWebExchangeThreadLocalAccessor");

    @Bean
    PropagatedThreadLocals propagatedThreadLocals() {
        ContextRegistry registry = ContextRegistry.getInstance();
        List<Object> unread = registry.getThreadLocalAccessors().stream()
                .filter(accessor -> UNREAD.contains(accessor.getClass().getName()))
                .map(ThreadLocalAccessor::key)
                .toList();
        unread.forEach(registry::removeThreadLocalAccessor);
        return new PropagatedThreadLocals(registry.getThreadLocalAccessors().stream()
                .map(accessor -> accessor.getClass().getName())
                .toList());
    }

    /** The accessors still registered: what Reactor copies into thread locals. */
    record PropagatedThreadLocals(List<String> accessors) {}
}
