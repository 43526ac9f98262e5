package com.classifiedbilling.config;

import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits on how long a client may take to send a request, so that slow or stalled clients cannot
 * hold connections open for ever (with {@code server.netty.idle-timeout} for idle connections).
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    /** A request body must arrive within this, with no pause longer than {@link #READ_TIMEOUT}. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    NettyServerCustomizer requestTimeouts() {
        return server -> server.requestTimeout(REQUEST_TIMEOUT).readTimeout(READ_TIMEOUT);
    }
}
