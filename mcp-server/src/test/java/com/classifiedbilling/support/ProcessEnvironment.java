package com.classifiedbilling.support;

import java.util.Map;

/** Environment for a child process: the test's own, less the server's settings, plus what a test sets. */
final class ProcessEnvironment {

    private ProcessEnvironment() {}

    /** Sets each variable; a {@code null} value removes it. The server's own settings start unset. */
    static void apply(ProcessBuilder builder, Map<String, String> env) {
        Map<String, String> target = builder.environment();
        target.keySet().removeIf(name -> name.startsWith("BILLING_") || name.equals("PORT"));
        env.forEach((name, value) -> {
            if (value == null) {
                target.remove(name);
            } else {
                target.put(name, value);
            }
        });
    }
}
