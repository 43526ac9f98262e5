package com.classifiedbilling.auth.principal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** Scopes from their space-separated OAuth form, e.g. {@code "billing:read billing:write"}. */
    public static Set<Scope> parse(String spaceSeparated) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : spaceSeparated.trim().split("\\s+")) {
            fromValue(value).ifPresent(scopes::add);
        }
        return scopes;
    }

    /** The space-separated OAuth form of scopes, in a fixed order. */
    public static String format(Set<Scope> scopes) {
        return Arrays.stream(values())
                .filter(scopes::contains)
                .map(Scope::value)
                .collect(Collectors.joining(" "));
    }
}
