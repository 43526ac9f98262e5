package com.classifiedbilling.admin;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One parsed admin command: its name and its {@code --flag value} options, checked against what the
 * command takes before anything touches the database.
 */
record AdminCommandLine(Command command, Map<String, String> options) {

    /** The commands, with the flags each requires and allows. */
    enum Command {
        CREATE_USER("create-user", List.of("email", "name", "plan"), List.of()),
        CREATE_WORKSPACE(
                "create-workspace",
                List.of("owner", "title"),
                List.of("slug", "description", "business-name", "business-email", "currency")),
        ADD_MEMBER("add-member", List.of("workspace", "email"), List.of()),
        CREATE_KEY("create-key", List.of("email", "name"), List.of("access")),
        LIST_KEYS("list-keys", List.of("email"), List.of()),
        REVOKE_KEY("revoke-key", List.of("id"), List.of()),
        SEED_DEMO("seed-demo", List.of("email"), List.of()),
        ROTATE_SIGNING_KEY("rotate-signing-key", List.of(), List.of()),
        CHECK_SUMMARIES("check-summaries", List.of(), List.of("workspace")),
        REPAIR_SUMMARIES("repair-summaries", List.of(), List.of("workspace"));

        final String word;

        final List<String> required;

        final List<String> optional;

        Command(String word, List<String> required, List<String> optional) {
            this.word = word;
            this.required = required;
            this.optional = optional;
        }

        String usage() {
            StringBuilder usage = new StringBuilder("admin ").append(word);
            required.forEach(
                    flag -> usage.append(" --").append(flag).append(' ').append(placeholder(flag)));
            optional.forEach(flag -> usage.append(" [--")
                    .append(flag)
                    .append(' ')
                    .append(placeholder(flag))
                    .append(']'));
            return usage.toString();
        }

        private static String placeholder(String flag) {
            return switch (flag) {
                case "plan" -> "Starter|Standard|Advance";
                case "access" -> "full|read";
                default -> flag.toUpperCase(Locale.ROOT).replace('-', '_');
            };
        }
    }

    /** Thrown for words that do not make a command; the message says what is wrong. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    String option(String flag) {
        return options.get(flag);
    }

    static AdminCommandLine parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given; 'admin help' lists the commands");
        }
        Command command = null;
        for (Command candidate : Command.values()) {
            if (candidate.word.equals(args[0])) {
                command = candidate;
            }
        }
        if (command == null) {
            throw new UsageException("unknown command '" + args[0] + "'; 'admin help' lists the commands");
        }
        Set<String> allowed = new HashSet<>(command.required);
        allowed.addAll(command.optional);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String word = args[i];
            if (!word.startsWith("--") || !allowed.contains(word.substring(2))) {
                throw new UsageException(
                        "'" + word + "' is not an option of " + command.word + "; usage: " + command.usage());
            }
            if (i + 1 >= args.length) {
                throw new UsageException(word + " needs a value; usage: " + command.usage());
            }
            if (options.put(word.substring(2), args[i + 1]) != null) {
                throw new UsageException(word + " is given twice");
            }
        }
        for (String flag : command.required) {
            String value = options.get(flag);
            if (value == null || value.isBlank()) {
                throw new UsageException("missing --" + flag + "; usage: " + command.usage());
            }
        }
        return new AdminCommandLine(command, Map.copyOf(options));
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("Usage: java -jar classifiedbilling-mcp-server.jar admin <command>\n");
        for (Command command : Command.values()) {
            usage.append("  ").append(command.usage()).append('\n');
        }
        return usage.toString();
    }
}
