package com.classifiedbilling.billing;

import java.time.Instant;

/**
 * A half-open span of time: from {@code from} (included) to {@code before} (not included). Either
 * end may be open ({@code null}); {@link #ALWAYS} has neither. A period whose ends are equal holds
 * nothing.
 */
public record Period(Instant from, Instant before) {

    /** All of time: no bound at either end. */
    public static final Period ALWAYS = new Period(null, null);

    public Period {
        if (from != null && before != null && before.isBefore(from)) {
            throw new IllegalArgumentException("a period ends before it starts");
        }
    }

    /** Whether this period bounds nothing. */
    public boolean always() {
        return from == null && before == null;
    }

    /** Whether the instant falls in the period. */
    public boolean contains(Instant instant) {
        return (from == null || !instant.isBefore(from)) && (before == null || instant.isBefore(before));
    }
}
