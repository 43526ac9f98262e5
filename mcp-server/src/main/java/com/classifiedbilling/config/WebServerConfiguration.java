package com.classifiedbilling.config;

import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The HTTP server's own event loops, and limits on how long a client may take to send a request, so
 * that slow or stalled clients cannot hold connections open for ever (with
 * {@code server.netty.idle-timeout} for idle connections).
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    /** A request body must arrive within this, with no pause longer than {@link #READ_TIMEOUT}. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Event loops and a connection pool that belong to this application context. Spring Boot's
     * default shares Reactor Netty's JVM-wide ones and disposes them when any context closes, which
     * leaves every other context in the JVM (the integration tests keep several) serving on stopped
     * loops.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }

    @Bean
    NettyServerCustomizer requestTimeouts() {
        return server -> server.requestTimeout(REQUEST_TIMEOUT).readTimeout(READ_TIMEOUT);
    }
}
