package com.classifiedbilling.auth.principal;

import java.util.Arrays;
import java.util.Optional;

/** What a credential may do. API keys hold every scope; OAuth tokens hold what was granted. */
public enum Scope {
    READ("billing:read"),
    WRITE("billing:write");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope as OAuth spells it, e.g. {@code billing:read}. */
    public String value() {
        return value;
    }

    public static Optional<Scope> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
