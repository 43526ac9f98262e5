package com.classifiedbilling.auth.user;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The subscription plan of a user. Its label is how the API page and the database spell it. */
public enum Plan {
    STARTER("Starter"),
    STANDARD("Standard"),
    ADVANCE("Advance");

    private final String label;

    Plan(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The plan with this exact label ({@code Starter}, {@code Standard}, {@code Advance}). */
    public static Optional<Plan> fromLabel(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }

    /** The labels, for messages that say what is allowed: {@code Starter, Standard, Advance}. */
    public static String labels() {
        return Arrays.stream(values()).map(Plan::label).collect(Collectors.joining(", "));
    }
}
