package com.classifiedbilling.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.oauth.OAuthDance.Client;
import com.classifiedbilling.support.AdminProcess;
import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two packaged servers on one PostgreSQL, behind one public name as a load balancer would put them:
 * a token issued by one works on the other (the signing keys are shared), and when the API key it was approved with is revoked, or its grant is, the other
 * instance refuses it within one second. Prints the measured delays.
 */
class OAuthRevocationAcrossInstancesIT {

    /** The name both instances are known by; requests go to each instance's own port. */
    static final String PUBLIC_URL = "http://billing.lb.test";

    static Path workDir;

    static Map<String, String> env;

    static ServerProcess a;

    static ServerProcess b;

    @BeforeAll
    static void start() throws Exception {
        TestDatabase database = TestDatabase.create();
        workDir = TempFolders.create("cb-oauth-two");
        env = new HashMap<>(Map.of(
                "BILLING_DATABASE_URL",
                database.url(),
                "BILLING_PUBLIC_URL",
                PUBLIC_URL,
                "BILLING_RATELIMITS_PERADDRESS_PERMINUTE",
                "10000",
                "BILLING_RATELIMITS_PLANS_STANDARD_PERMINUTE",
                "100000"));
        a = ServerProcess.start("oauth-two-a", workDir, ServerProcess.demoWithoutLimits(env));
        b = ServerProcess.start("oauth-two-b", workDir, env);
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void whenTheApiKeyIsRevokedThenTheOtherInstanceRefusesItsTokensWithinOneSecond() throws Exception {
        OAuthDance onA = dance(a);
        OAuthDance onB = dance(b);
        String key = newKey();
        String access =
                onA.tokens(onA.registerClaude(), key).path("access_token").asString();
        assertThat(onB.callTool(access, "list_workspaces", "{}").status()).isEqualTo(200);

        AdminProcess.Result revoked = AdminProcess.run(workDir, env, "revoke-key", "--id", keyId(key));
        assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();

        long delay = untilRefused(onB, access);
        System.out.printf(
                "OAuthRevocationAcrossInstancesIT: key revoked by the CLI, token refused by the other "
                        + "instance after %d ms%n",
                delay);
        assertThat(delay).isLessThanOrEqualTo(1000);
    }

    @Test
    void whenTheGrantIsRevokedOnOneInstanceThenTheOtherRefusesItsTokensWithinOneSecond() throws Exception {
        OAuthDance onA = dance(a);
        OAuthDance onB = dance(b);
        Client client = onA.registerClaude();
        String access = onA.tokens(client, newKey()).path("access_token").asString();
        assertThat(onB.callTool(access, "list_workspaces", "{}").status()).isEqualTo(200);

        int status = WebTestClient.bindToServer()
                .baseUrl(a.uri("/").toString().replaceAll("/$", ""))
                .build()
                .post()
                .uri("/oauth/revoke")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("token=" + access + "&client_id=" + client.id() + "&client_secret=" + client.secret())
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
        assertThat(status).isEqualTo(200);

        long delay = untilRefused(onB, access);
        System.out.printf(
                "OAuthRevocationAcrossInstancesIT: grant revoked on one instance, token refused by the "
                        + "other after %d ms%n",
                delay);
        assertThat(delay).isLessThanOrEqualTo(1000);
    }

    /** Milliseconds from now until the token is refused (it is tried every 20 ms, for at most 3 s). */
    private static long untilRefused(OAuthDance dance, String access) throws InterruptedException {
        long start = System.nanoTime();
        while (dance.callTool(access, "list_workspaces", "{}").status() == 200) {
            assertThat(System.nanoTime() - start)
                    .isLessThan(Duration.ofSeconds(3).toNanos());
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static OAuthDance dance(ServerProcess server) {
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl(server.uri("/").toString().replaceAll("/$", ""))
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        return new OAuthDance(http, PUBLIC_URL);
    }

    /** A new full-access key of the demo user, made with the CLI. */
    private static String newKey() {
        return AdminProcess.newKey(workDir, env, "demo@classifiedbilling.example");
    }

    private static String keyId(String key) {
        AdminProcess.Result list =
                AdminProcess.run(workDir, env, "list-keys", "--email", "demo@classifiedbilling.example");
        return list.stdout()
                .lines()
                .filter(line -> line.contains(key.substring(0, 12)))
                .map(line -> line.split("\t")[0])
                .findFirst()
                .orElseThrow();
    }
}
