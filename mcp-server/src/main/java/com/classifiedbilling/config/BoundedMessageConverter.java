package com.classifiedbilling.config;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message as written to a line: control characters escaped (a newline becomes {@code \n}),
 * so no text a client sent can start a forged line, and cut after {@link #MAX_LENGTH} characters,
 * so none can flood the log. It stands for {@code %m} in every pattern ({@code logback-spring.xml}),
 * whatever logger writes: this server's, the SDK's or Spring's. Spring Boot's start-up failure
 * report, written by the server itself before it takes requests, keeps its lines.
 */
public final class BoundedMessageConverter extends MessageConverter {

    /** The most characters of one message that are written. */
    static final int MAX_LENGTH = 500;

    private static final String FAILURE_REPORT = "org.springframework.boot.diagnostics.";

    @Override
    public String convert(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message == null || event.getLoggerName().startsWith(FAILURE_REPORT)) {
            return message;
        }
        return bounded(message);
    }

    /**
     * The message cut after {@link #MAX_LENGTH} characters, nothing escaped: for a structured (JSON)
     * line, whose writer escapes control characters itself ({@link BoundedJsonMessage}).
     */
    static String cut(String message) {
        return message.length() <= MAX_LENGTH
                ? message
                : message.substring(0, MAX_LENGTH) + "... [" + (message.length() - MAX_LENGTH) + " more characters]";
    }

    static String bounded(String message) {
        StringBuilder line = new StringBuilder(Math.min(message.length(), MAX_LENGTH) + 16);
        int i = 0;
        for (; i < message.length() && line.length() < MAX_LENGTH; i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029') {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        if (i < message.length()) {
            line.append("... [").append(message.length() - i).append(" more characters]");
        }
        return line.toString();
    }
}
