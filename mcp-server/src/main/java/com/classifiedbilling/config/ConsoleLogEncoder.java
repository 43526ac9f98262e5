package com.classifiedbilling.config;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder ({@code logback-spring.xml}): Spring Boot's structured JSON when {@code
 * logging.structured.format.console} names a format ({@code ecs}, {@code logstash}, {@code gelf}),
 * the human-readable pattern otherwise. Spring Boot makes that switch only for its own default
 * configuration; this configuration has its own appender (standard error, bounded messages), so the
 * switch is made here. Logback's {@code <if>} would need Janino on the class path for one choice.
 */
public final class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {

    private String format;

    private String pattern;

    private Charset charset;

    private Encoder<ILoggingEvent> delegate;

    /** The structured format's name; empty or unset for the pattern. */
    public void setFormat(String format) {
        this.format = format;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (format != null && !format.isBlank()) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setFormat(format.strip());
            structured.setCharset(charset);
            delegate = structured;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            text.setCharset(charset);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
