package com.classifiedbilling.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * What Reactor copies into thread locals at each step: nothing while nothing is traced, the
 * observation alone while traces are exported.
 */
class ThreadLocalsConfigurationTests {

    private static final String OBSERVATION = ObservationThreadLocalAccessor.class.getName();

    @Test
    void onlyTheObservationShouldBeCopiedIntoAThreadLocalAndOnlyWhileTraced() {
        List<String> onClasspath = ServiceLoader.load(ThreadLocalAccessor.class).stream()
                .map(ServiceLoader.Provider::type)
                .map(Class::getName)
                .toList();
        assertThat(onClasspath)
                .as("what ContextRegistry registers from the classpath")
                .contains(
                        "org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor",
                        OBSERVATION);
        ContextRegistry registry = ContextRegistry.getInstance();

        assertThat(ThreadLocalsConfiguration.propagate(registry, false).accessors())
                .isEqualTo(registered())
                .isEmpty();
        assertThat(ThreadLocalsConfiguration.propagate(registry, true).accessors())
                .isEqualTo(registered())
                .containsExactly(OBSERVATION);
        assertThat(ThreadLocalsConfiguration.propagate(registry, true).accessors())
                .as("again")
                .containsExactly(OBSERVATION);
        assertThat(registry.getThreadLocalAccessors().get(0)).isSameAs(ObservationThreadLocalAccessor.getInstance());
    }

    private static List<String> registered() {
        return ContextRegistry.getInstance().getThreadLocalAccessors().stream()
                .map(ThreadLocalAccessor::getClass)
                .map(Class::getName)
                .toList();
    }
}
