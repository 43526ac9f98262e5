package com.classifiedbilling.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What Reactor copies into thread locals at each step: only the observation, which traced SQL needs. */
class ThreadLocalsConfigurationTests {

    @Test
    void onlyTheObservationShouldStillBeCopiedIntoAThreadLocal() {
        List<String> onClasspath = ServiceLoader.load(ThreadLocalAccessor.class).stream()
                .map(ServiceLoader.Provider::type)
                .map(Class::getName)
                .toList();
        assertThat(onClasspath)
                .as("what ContextRegistry registers from the classpath")
                .contains(
                        "org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor",
                        ObservationThreadLocalAccessor.class.getName());

        ThreadLocalsConfiguration.PropagatedThreadLocals kept =
                new ThreadLocalsConfiguration().propagatedThreadLocals();

        assertThat(kept.accessors())
                .isEqualTo(accessors())
                .containsExactly(ObservationThreadLocalAccessor.class.getName());
    }

    private static List<String> accessors() {
        return ContextRegistry.getInstance().getThreadLocalAccessors().stream()
                .map(ThreadLocalAccessor::getClass)
                .map(Class::getName)
                .toList();
    }
}
