package com.classifiedbilling.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.apikey.ApiKeyAuthenticator;
import com.classifiedbilling.auth.apikey.ApiKeySecrets;
import com.classifiedbilling.auth.apikey.ApiKeyService;
import com.classifiedbilling.auth.apikey.IssuedApiKey;
import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.principal.CredentialKind;
import com.classifiedbilling.auth.user.User;
import com.classifiedbilling.auth.user.UserService;
import com.classifiedbilling.support.PostgresIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.test.StepVerifier;

/** API keys on the real PostgreSQL: what is stored, how lookups are cached, how revocation bites. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "billing.auth.api-keys.cache-ttl=3s")
class ApiKeyIT extends PostgresIntegrationTest {

    @Autowired
    UserService users;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ApiKeyAuthenticator authenticator;

    @Test
    void shouldStoreNoRawKeyOnlyItsSha256() throws Exception {
        User user = newUser();
        IssuedApiKey issued = keys.issue(user.email(), "Claude AI").block();
        String body = issued.secret().substring(ApiKeySecrets.PREFIX.length());

        List<String> cells = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM api_keys")) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    cells.add(String.valueOf(rows.getObject(column)));
                }
            }
        }
        assertThat(cells).isNotEmpty().noneMatch(cell -> cell.contains(body));
        assertThat(database.count(
                        "SELECT COUNT(*) FROM api_keys WHERE key_hash = '" + ApiKeySecrets.hash(issued.secret()) + "'"))
                .isEqualTo(1);
        assertThat(issued.key().displayPrefix()).isEqualTo(issued.secret().substring(0, 12));
    }

    @Test
    void shouldResolveAKeyToItsOwnerWithFullAccess() {
        User user = newUser();
        IssuedApiKey issued = keys.issue(user.email(), "k").block();

        StepVerifier.create(authenticator.authenticate(issued.secret()))
                .assertNext(principal -> {
                    assertThat(principal.userId()).isEqualTo(user.id());
                    assertThat(principal.plan()).isEqualTo(user.plan());
                    assertThat(principal.kind()).isEqualTo(CredentialKind.API_KEY);
                    assertThat(principal.credentialId()).isEqualTo(issued.key().id());
                    assertThat(principal.scopes()).hasSize(2);
                })
                .verifyComplete();
        StepVerifier.create(authenticator.authenticate(issued.secret() + "x")).verifyComplete();
    }

    @Test
    void whenKeyIsHotThenLookupsComeFromTheCacheUntilItExpires() {
        User user = newUser();
        IssuedApiKey issued = keys.issue(user.email(), "k").block();
        StepVerifier.create(authenticator.authenticate(issued.secret()))
                .expectNextCount(1)
                .verifyComplete();

        // Remove the row behind the service's back: only a cache can still answer now.
        database.count("WITH gone AS (DELETE FROM api_keys WHERE id = '"
                + issued.key().id() + "' RETURNING 1) SELECT COUNT(*) FROM gone");
        for (int i = 0; i < 100; i++) {
            BillingPrincipal principal =
                    authenticator.authenticate(issued.secret()).block();
            assertThat(principal).isNotNull();
        }

        // After the cache's time to live the database is asked again, and the key is gone.
        sleep(Duration.ofMillis(3500));
        StepVerifier.create(authenticator.authenticate(issued.secret())).verifyComplete();
    }

    @Test
    void whenRevokedThenRefusedAtOnceOnThisInstance() {
        User user = newUser();
        IssuedApiKey issued = keys.issue(user.email(), "k").block();
        StepVerifier.create(authenticator.authenticate(issued.secret()))
                .expectNextCount(1)
                .verifyComplete();

        keys.revoke(issued.key().id()).block();

        StepVerifier.create(authenticator.authenticate(issued.secret())).verifyComplete();
        StepVerifier.create(keys.list(user.email()))
                .assertNext(key -> assertThat(key.revoked()).isTrue())
                .verifyComplete();
        StepVerifier.create(keys.revoke(issued.key().id()))
                .expectErrorMessage("No active API key with id " + issued.key().id() + ".")
                .verify();
    }

    @Test
    void shouldRecordLastUseOffTheRequestPath() {
        User user = newUser();
        IssuedApiKey issued = keys.issue(user.email(), "k").block();

        authenticator.authenticate(issued.secret()).block();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (database.count("SELECT COUNT(*) FROM api_keys WHERE id = '"
                                + issued.key().id() + "' AND last_used_at IS NOT NULL")
                        == 0
                && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        assertThat(keys.list(user.email()).blockFirst().lastUsedAt()).isNotNull();
    }

    private User newUser() {
        return users.create("key-" + UUID.randomUUID() + "@example.com", "Key Owner", "Advance")
                .block();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
