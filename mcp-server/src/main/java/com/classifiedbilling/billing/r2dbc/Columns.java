package com.classifiedbilling.billing.r2dbc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.Parameter;

/** Conversions between domain values and the columns both databases agree on. */
final class Columns {

    private Columns() {}

    /** A text value that may be absent, bound as a typed {@code NULL} when it is. */
    static Parameter text(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

    /** A timestamp that may be absent. */
    static Parameter timestamp(Instant instant) {
        return Parameter.fromOrEmpty(instant == null ? null : utc(instant), OffsetDateTime.class);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The instant in a {@code TIMESTAMP WITH TIME ZONE} column, or {@code null}. */
    static Instant instant(Readable row, String column) {
        OffsetDateTime time = row.get(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** A count column; both databases hand back a {@code BIGINT}. */
    static long count(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
