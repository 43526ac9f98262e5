package com.classifiedbilling.tool;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tool call's place under its caller's plan, counted where the request came in. It admits one
 * call: a second call on the same admission is counted anew by the registry.
 */
public final class Admission {

    private final AtomicBoolean used = new AtomicBoolean();

    /** A place just counted against the caller's plan. */
    public Admission() {}

    /** Takes the place; {@code false} when it was taken already. */
    boolean claim() {
        return used.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return used.get() ? "Admission[used]" : "Admission[open]";
    }
}
