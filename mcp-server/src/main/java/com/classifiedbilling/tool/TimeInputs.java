package com.classifiedbilling.tool;

import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.billing.Period;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Dates and times as the tools take them: ISO 8601, a date ({@code 2026-11-01}, the start of that
 * day), a local date-time ({@code 2026-11-01T09:30}), both in the call's {@code time_zone} (UTC
 * unless given), or a date-time with its own offset ({@code 2026-11-01T09:30:00Z},
 * {@code ...+01:00}), which no time zone changes. The schema has already checked the shape; here
 * the values are checked for being real (no 30 February) and ranges for their order.
 */
final class TimeInputs {

    static final String TIME_ZONE = "time_zone";

    private TimeInputs() {}

    /** The IANA time zone named, or UTC for none. */
    static ZoneId zone(String timeZone) {
        if (timeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            throw BillingException.invalidInput("Field '" + TIME_ZONE
                    + "' is not a time zone known here: give an IANA name such as Europe/Paris or America/New_York, "
                    + "or UTC.");
        }
    }

    /**
     * The period {@code [from, before)} named by two optional fields.
     *
     * @param name the fields' stem: {@code issued} reads {@code issued_from} and
     *     {@code issued_before}; empty reads {@code from} and {@code before}
     */
    static Period period(String name, String from, String before, ZoneId zone) {
        String fromField = name.isEmpty() ? "from" : name + "_from";
        String beforeField = name.isEmpty() ? "before" : name + "_before";
        Instant start = instant(fromField, from, zone);
        Instant end = instant(beforeField, before, zone);
        if (start != null && end != null && end.isBefore(start)) {
            throw BillingException.invalidInput("Field '" + beforeField + "' must not be earlier than '" + fromField
                    + "': the period runs from " + fromField + " (included) to " + beforeField + " (not included).");
        }
        return new Period(start, end);
    }

    private static Instant instant(String field, String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.lastIndexOf('+') > 0 || text.lastIndexOf('-') > 9) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException notReal) {
            throw BillingException.invalidInput("Field '" + field
                    + "' is not a real date or time: give an ISO 8601 date such as 2026-11-01, or a date-time such "
                    + "as 2026-11-01T09:30:00Z.");
        }
    }
}
