package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A period cut where the daily summaries can serve it: the whole UTC days inside it, read from a
 * summary, and the parts of a day at either end, read from the invoices themselves (at most a day
 * of them each). A period in a time zone whose day does not start at a UTC midnight has such edges.
 *
 * @param firstDay the first whole day; {@code null} when the period is open at its start
 * @param endDay the day after the last whole day; {@code null} when open at its end
 * @param edges the half-open spans outside whole days, {@code [from, before)} pairs
 */
record UtcDays(LocalDate firstDay, LocalDate endDay, List<Instant[]> edges, boolean wholeDays) {

    static UtcDays of(Period period) {
        Instant from = period.from();
        Instant before = period.before();
        LocalDate first = from == null ? null : ceilDay(from);
        LocalDate end = before == null ? null : floorDay(before);
        if (first != null && end != null && !first.isBefore(end)) {
            // no whole day inside: all of it from the invoices
            List<Instant[]> edges = from.equals(before) ? List.of() : List.<Instant[]>of(new Instant[] {from, before});
            return new UtcDays(null, null, edges, false);
        }
        List<Instant[]> edges = new ArrayList<>(2);
        if (from != null && !start(first).equals(from)) {
            edges.add(new Instant[] {from, start(first)});
        }
        if (before != null && !start(end).equals(before)) {
            edges.add(new Instant[] {start(end), before});
        }
        return new UtcDays(first, end, List.copyOf(edges), true);
    }

    private static LocalDate floorDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static LocalDate ceilDay(Instant instant) {
        LocalDate day = floorDay(instant);
        return start(day).equals(instant) ? day : day.plusDays(1);
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
