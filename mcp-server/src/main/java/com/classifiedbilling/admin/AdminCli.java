package com.classifiedbilling.admin;

import com.classifiedbilling.ClassifiedBillingApplication;
import com.classifiedbilling.auth.user.AccountException;
import com.classifiedbilling.billing.BillingException;
import java.io.PrintStream;
import java.time.Duration;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of {@code admin}: parses the command, starts the application without its web server
 * (profile {@code admin}: no demo data, logs off), runs the command, prints its result and says how
 * it went through the exit code: 0 done, 1 refused or failed, 2 not a valid command.
 */
public final class AdminCli {

    static final int OK = 0;

    static final int FAILED = 1;

    static final int USAGE = 2;

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private AdminCli() {}

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("help") || args[0].equals("--help"))) {
            out.print(AdminCommandLine.usage());
            return OK;
        }
        AdminCommandLine line;
        try {
            line = AdminCommandLine.parse(args);
        } catch (AdminCommandLine.UsageException e) {
            err.println("admin: " + e.getMessage());
            return USAGE;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ClassifiedBillingApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("admin")
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run()) {
            // The CLI's own thread, not a request: it waits for the one answer it exists to print.
            String result = context.getBean(AdminCommands.class).execute(line).block(TIMEOUT);
            if (result != null && !result.isEmpty()) {
                out.println(result);
            }
            return OK;
        } catch (AccountException | BillingException e) {
            err.println("admin: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("admin: failed: " + rootMessage(e));
            return FAILED;
        }
    }

    /** The innermost cause's message, on one line; it never contains a secret we hold. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
