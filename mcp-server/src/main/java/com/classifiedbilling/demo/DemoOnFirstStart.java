package com.classifiedbilling.demo;

import com.classifiedbilling.auth.apikey.ApiKeyService;
import com.classifiedbilling.auth.apikey.IssuedApiKey;
import com.classifiedbilling.auth.user.UserService;
import com.classifiedbilling.door.Door;
import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * On the first start against an empty database (by default only the embedded one), creates a demo
 * user with a workspace full of data and an API key, and prints the key once on standard output,
 * where the person who just started the server reads it. It goes to no log file.
 */
@Component
@Profile("!admin")
final class DemoOnFirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOnFirstStart.class);

    private final DemoProperties properties;

    private final boolean embedded;

    private final UserService users;

    private final ApiKeyService keys;

    private final DemoData demo;

    private final int port;

    DemoOnFirstStart(
            DemoProperties properties,
            @Value("${billing.database.url:}") String databaseUrl,
            @Value("${server.port:8080}") int port,
            UserService users,
            ApiKeyService keys,
            DemoData demo) {
        this.properties = properties;
        this.embedded = databaseUrl == null || databaseUrl.isBlank();
        this.port = port;
        this.users = users;
        this.keys = keys;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        // Start-up, not a request: waiting here means the demo exists once the server answers.
        IssuedApiKey key = users.anyUser()
                .flatMap(any -> any ? Mono.<IssuedApiKey>empty() : create())
                .block(Duration.ofMinutes(1));
        if (key != null) {
            print(System.out, key);
        }
    }

    private Mono<IssuedApiKey> create() {
        return users.create(properties.email(), "Demo User", "Standard")
                .flatMap(user -> demo.seed(user.id()))
                .then(keys.issue(properties.email(), "Demo key"))
                .doOnNext(key -> log.info(
                        "Created demo user {} with a workspace and the key {}…",
                        properties.email(),
                        key.key().displayPrefix()));
    }

    private boolean enabled() {
        return switch (properties.onFirstStart()) {
            case "true" -> true;
            case "false" -> false;
            default -> embedded;
        };
    }

    private void print(PrintStream out, IssuedApiKey key) {
        out.println();
        out.println("==================================================================");
        out.println(" Demo data created for " + properties.email());
        out.println(" Your demo API key (shown only this once):");
        out.println();
        out.println("   " + key.secret());
        out.println();
        out.println(" Try it:");
        out.println("   curl -s -X POST http://localhost:" + port + Door.LEGACY.path() + " \\");
        out.println("     -H 'Authorization: Bearer " + key.secret() + "' \\");
        out.println("     -H 'Content-Type: application/json' \\");
        out.println("     -d '{\"tool\":\"list_workspaces\",\"input\":{}}'");
        out.println(" Lost it? java -jar mcp-server/target/classifiedbilling-mcp-server.jar \\");
        out.println("            admin create-key --email " + properties.email() + " --name 'Another key'");
        out.println("==================================================================");
        out.println();
        out.flush();
    }
}
