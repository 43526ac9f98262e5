package com.classifiedbilling.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Set;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The message of a structured (JSON) log line, cut at the pattern's length ({@link
 * BoundedMessageConverter}): the JSON writer escapes a newline, so no text a client sent can start
 * a line, but nothing else keeps a long one from flooding the log. Named by {@code
 * logging.structured.json.customizer}.
 */
public final class BoundedJsonMessage implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

    /** The members that carry the message in Spring Boot's formats: ECS and Logstash, then GELF. */
    private static final Set<String> MESSAGE = Set.of("message", "short_message", "full_message");

    @Override
    public void customize(JsonWriter.Members<ILoggingEvent> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, BoundedMessageConverter::cut)
                .whenHasPath(path -> path.name() != null && MESSAGE.contains(path.name())));
    }
}
