package com.classifiedbilling.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.AdminProcess;
import com.classifiedbilling.support.AdminProcess.Result;
import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's path on PostgreSQL: the packaged server runs, and the admin CLI, as separate
 * processes on the same database, creates a user, a workspace, demo data and a key that then
 * authenticates against the running server; bad input is refused with one line and changes nothing.
 */
class AdminCliIT {

    static TestDatabase database;

    static Map<String, String> env;

    static Path workDir;

    static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        database = TestDatabase.create();
        env = Map.of("BILLING_DATABASE_URL", database.url());
        workDir = TempFolders.create("cb-admin-it");
        server = ServerProcess.start("admin-cli-it", workDir, env);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldSetUpAUserWhoseKeyAuthenticatesAgainstTheRunningServer() throws Exception {
        Result user =
                admin("create-user", "--email", "Owner@Example.com", "--name", "Olive Owner", "--plan", "Standard");
        assertThat(user.exitCode()).isZero();
        assertThat(user.stdout().strip()).matches("usr_[0-9a-z]{20}");
        assertThat(user.stderr()).isEmpty();

        Result workspace = admin(
                "create-workspace",
                "--owner",
                "owner@example.com",
                "--title",
                "Euro Works",
                "--currency",
                "EUR",
                "--business-name",
                "Euro Works GmbH");
        assertThat(workspace.exitCode()).isZero();
        String workspaceId = workspace.stdout().strip();
        assertThat(workspaceId).matches("ws_[0-9a-z]{20}");

        Result seeded = admin("seed-demo", "--email", "owner@example.com");
        assertThat(seeded.exitCode()).isZero();
        String demoId = seeded.stdout().strip();
        assertThat(database.count("SELECT COUNT(*) FROM invoices WHERE workspace_id = '" + demoId + "'"))
                .isEqualTo(36);
        assertThat(database.count("SELECT COUNT(*) FROM customers WHERE workspace_id = '" + demoId + "'"))
                .isEqualTo(12);

        admin("create-user", "--email", "mate@example.com", "--name", "Mate", "--plan", "Starter");
        Result member = admin("add-member", "--workspace", workspaceId, "--email", "mate@example.com");
        assertThat(member.exitCode()).isZero();
        assertThat(database.count("SELECT COUNT(*) FROM workspace_members WHERE workspace_id = '" + workspaceId + "'"))
                .isEqualTo(1);

        Result key = admin("create-key", "--email", "owner@example.com", "--name", "Claude AI");
        assertThat(key.exitCode()).isZero();
        String secret = key.stdout().strip();
        assertThat(key.stdout()).isEqualTo(secret + System.lineSeparator());
        assertThat(secret).matches("cb_live_[A-Za-z0-9_-]{43}");

        HttpResponse<String> me = server.get("/api/me", secret);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"owner@example.com\"").contains("\"plan\":\"Standard\"");

        Result list = admin("list-keys", "--email", "owner@example.com");
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout())
                .contains("Claude AI")
                .contains(secret.substring(0, 12))
                .contains("active");
        assertThat(list.stdout()).doesNotContain(secret.substring(12));
        String keyId = list.stdout().lines().skip(1).findFirst().orElseThrow().split("\t")[0];

        Result revoked = admin("revoke-key", "--id", keyId);
        assertThat(revoked.exitCode()).isZero();
        // Revoked in another process: the server's cache forgets it within its 1 s time to live.
        long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        int status = server.get("/api/me", secret).statusCode();
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = server.get("/api/me", secret).statusCode();
        }
        assertThat(status).isEqualTo(401);

        assertThat(server.stdout() + server.stderr()).doesNotContain(secret.substring(12));
    }

    @Test
    void whenAccessIsReadThenTheKeyReadsButCannotWrite() throws Exception {
        assertThat(admin("create-user", "--email", "reader@example.com", "--name", "Rea Der", "--plan", "Starter")
                        .exitCode())
                .isZero();

        Result key = admin("create-key", "--email", "reader@example.com", "--name", "Reports", "--access", "read");

        assertThat(key.exitCode()).as(key.stderr()).isZero();
        String secret = key.stdout().strip();
        assertThat(server.callTool(secret, "list_workspaces", "{}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> write = server.callTool(
                secret, "create_customer", "{\"workspace_id\":\"ws_any\",\"name\":\"A\",\"email\":\"a@example.com\"}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("needs the billing:write scope");
        assertThat(admin("list-keys", "--email", "reader@example.com").stdout()).contains("\tread\t");
    }

    @Test
    void shouldRotateTheSigningKeyAndPublishBothKeys() throws Exception {
        int before = server.get("/oauth/jwks", null).body().split("\"kid\"").length - 1;

        Result rotated = admin("rotate-signing-key");

        assertThat(rotated.exitCode()).as(rotated.stderr()).isZero();
        String kid = rotated.stdout()
                .replaceAll("(?s).*New signing key (\\S+) .*", "$1")
                .strip();
        assertThat(kid).startsWith("key");
        // the server reloads its keys every minute; the database has the new key at once
        assertThat(database.count("SELECT COUNT(*) FROM oauth_signing_keys WHERE kid = '" + kid + "'"))
                .isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM oauth_signing_keys")).isEqualTo(Math.max(before, 1) + 1);
    }

    @Test
    void whenInputIsBadThenOneLineErrorNonZeroExitAndNothingWritten() {
        admin("create-user", "--email", "taken@example.com", "--name", "Taken", "--plan", "Starter");
        String counts = counts();

        expectRefused(2, "missing --plan", "create-user", "--email", "x@example.com", "--name", "X");
        expectRefused(
                1,
                "Unknown plan 'Gold'. Allowed: Starter, Standard, Advance.",
                "create-user",
                "--email",
                "x@example.com",
                "--name",
                "X",
                "--plan",
                "Gold");
        expectRefused(
                1,
                "A user with email taken@example.com already exists.",
                "create-user",
                "--email",
                "TAKEN@example.com",
                "--name",
                "X",
                "--plan",
                "Starter");
        expectRefused(
                1,
                "Invalid email address 'not-an-email'.",
                "create-user",
                "--email",
                "not-an-email",
                "--name",
                "X",
                "--plan",
                "Starter");
        expectRefused(
                1,
                "Unknown currency code 'XYZ'",
                "create-workspace",
                "--owner",
                "taken@example.com",
                "--title",
                "T",
                "--currency",
                "XYZ");
        expectRefused(
                1,
                "No user with email nobody@example.com.",
                "create-workspace",
                "--owner",
                "nobody@example.com",
                "--title",
                "T");
        expectRefused(
                1,
                "No user with email nobody@example.com.",
                "create-key",
                "--email",
                "nobody@example.com",
                "--name",
                "k");
        expectRefused(1, "No active API key with id key_nope.", "revoke-key", "--id", "key_nope");
        expectRefused(
                1,
                "No workspace with id ws_nope.",
                "add-member",
                "--workspace",
                "ws_nope",
                "--email",
                "taken@example.com");
        expectRefused(2, "unknown command 'drop-everything'", "drop-everything");

        assertThat(counts()).isEqualTo(counts);
    }

    private static void expectRefused(int exitCode, String message, String... args) {
        Result result = admin(args);
        assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(exitCode);
        assertThat(result.stdout()).as(String.join(" ", args)).isEmpty();
        assertThat(result.stderr().lines()).as(String.join(" ", args)).hasSize(1);
        assertThat(result.stderr())
                .as(String.join(" ", args))
                .startsWith("admin: ")
                .contains(message);
    }

    private static String counts() {
        StringBuilder counts = new StringBuilder();
        for (String table : new String[] {
            "users", "workspaces", "workspace_members", "customers", "invoices", "api_keys", "audit_events"
        }) {
            counts.append(table)
                    .append('=')
                    .append(database.count("SELECT COUNT(*) FROM " + table))
                    .append(' ');
        }
        return counts.toString();
    }

    private static Result admin(String... args) {
        return AdminProcess.run(workDir, env, args);
    }
}
