package com.classifiedbilling.billing;

import java.util.regex.Pattern;

/** The domain's own checks on text it is asked to store, named by the field they guard. */
final class InputRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    static final int MAX_EMAIL = 320;

    private InputRules() {}

    /** The stripped value, which must be present and at most {@code max} characters. */
    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw BillingException.invalidInput("Missing required field '" + field + "'.");
        }
        return bounded(field, value, max);
    }

    /** The stripped value, or {@code null} when absent or blank; at most {@code max} characters. */
    static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : bounded(field, value, max);
    }

    static String email(String field, String value) {
        String email = required(field, value, MAX_EMAIL);
        if (!EMAIL.matcher(email).matches()) {
            throw BillingException.invalidInput(
                    "Field '" + field + "' must be an email address, like name@example.com.");
        }
        return email;
    }

    private static String bounded(String field, String value, int max) {
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw BillingException.invalidInput("Field '" + field + "' must be at most " + max + " characters.");
        }
        return stripped;
    }
}
