package com.classifiedbilling.config;

import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The event loops, and limits on how long a client may take to send a request, so that slow or
 * stalled clients cannot hold connections open for ever (with {@code server.netty.idle-timeout} for
 * idle connections).
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    /** A request body must arrive within this, with no pause longer than {@link #READ_TIMEOUT}. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /**
     * One thread a core, serving both the HTTP connections and the PostgreSQL driver's
     * ({@link DatabaseConfiguration}). Apart, each took Reactor Netty's default of at least four
     * threads, and every call crossed from an HTTP thread to a database thread and back, two
     * wake-ups on a core that the other loop's threads were also waiting for: at a fixed rate on one
     * core, each loop waited for the CPU about as long as it ran (docs/performance.md, issue #18's
     * target 4). They belong to this application context, so that closing one context (the
     * integration tests keep several) stops no other's; {@link EventLoops} says when they stop.
     */
    @Bean
    EventLoops eventLoops() {
        return new EventLoops();
    }

    /** The HTTP server's resources: the event loops above, and a connection pool of this context's. */
    @Bean
    ReactorResourceFactory reactorResourceFactory(EventLoops eventLoops) {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setLoopResources(eventLoops.loops());
        return resources;
    }

    @Bean
    NettyServerCustomizer requestTimeouts() {
        return server -> server.requestTimeout(REQUEST_TIMEOUT).readTimeout(READ_TIMEOUT);
    }
}
