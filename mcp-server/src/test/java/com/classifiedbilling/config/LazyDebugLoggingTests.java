package com.classifiedbilling.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogMessage;

/**
 * Spring and Spring Security log through Commons Logging with lazy {@link LogMessage}s and no level
 * check of their own. Commons Logging's SLF4J adapter renders every message before SLF4J looks at the
 * level, so with debug off each request paid for formatting messages nobody reads. The server
 * therefore names the Log4j API adapter (which checks the level first) in
 * {@code META-INF/services/org.apache.commons.logging.LogFactory}.
 */
class LazyDebugLoggingTests {

    private static final String NAME = "com.classifiedbilling.config.LazyDebugLoggingTests.subject";

    @Test
    void shouldNotRenderMessagesBelowTheLoggersLevel() {
        ((Logger) LoggerFactory.getLogger(NAME)).setLevel(Level.INFO);
        Log log = LogFactory.getLog(NAME);
        AtomicInteger rendered = new AtomicInteger();
        LogMessage message = LogMessage.of(() -> "rendered " + rendered.incrementAndGet());

        log.debug(message);
        log.trace(message);
        assertThat(rendered).hasValue(0);

        log.info(message);
        assertThat(rendered).hasValue(1);
    }

    @Test
    void shouldStillFollowTheLevelsSetInLogback() {
        ((Logger) LoggerFactory.getLogger(NAME)).setLevel(Level.DEBUG);
        Log log = LogFactory.getLog(NAME);

        assertThat(log.isDebugEnabled()).isTrue();
        assertThat(log.isTraceEnabled()).isFalse();
    }
}
