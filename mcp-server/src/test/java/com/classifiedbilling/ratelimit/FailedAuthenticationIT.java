package com.classifiedbilling.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.RawHttp;
import com.classifiedbilling.support.RawHttp.Answer;
import com.classifiedbilling.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guessing keys costs the database nothing once an address has failed too often: a few hundred
 * random well-formed {@code cb_live_} keys from one address get 401 until the limit, then 429 with
 * {@code Retry-After}, and the database's transaction count stays flat. This class has a database
 * of its own, so that its transaction count is this server's alone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "billing.rate-limits.failed-authentications-per-minute=30")
class FailedAuthenticationIT {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthenticationIT.class);

    static final TestDatabase database = TestDatabase.create();

    /** How long PostgreSQL may keep a backend's counts before it reports them (PGSTAT_IDLE_INTERVAL, 10 s). */
    static final long STATISTICS_DELAY_MS = 11_000;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("billing.database.url", database::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    final SecureRandom random = new SecureRandom();

    @Test
    void whenOneAddressSendsHundredsOfRandomKeysThenAfterTheLimitTheyGet429AndTheDatabaseIsNotAsked() throws Exception {
        RawHttp raw = new RawHttp(port);
        Account account = new BillingFixture(context).account("Standard");
        Thread.sleep(STATISTICS_DELAY_MS);
        long beforeFirst = transactions();

        Map<Integer, Integer> first = send(raw, 30);
        Thread.sleep(STATISTICS_DELAY_MS);
        long afterFirst = transactions();
        Map<Integer, Integer> rest = send(raw, 270);
        Thread.sleep(STATISTICS_DELAY_MS);
        long afterRest = transactions();

        log.info(
                "first 30 keys {}, {} transactions; next 270 keys {}, {} transactions",
                first,
                afterFirst - beforeFirst,
                rest,
                afterRest - afterFirst);
        assertThat(first).isEqualTo(Map.of(401, 30));
        assertThat(rest).isEqualTo(Map.of(429, 270));
        assertThat(afterFirst - beforeFirst).as("the first keys were looked up").isGreaterThanOrEqualTo(30);
        assertThat(afterRest - afterFirst)
                .as("the blocked keys were not looked up")
                .isLessThan(10);

        Answer blocked = raw.send(
                "POST",
                "/api/mcp-server",
                Map.of("Authorization", "Bearer " + account.key(), "Content-Type", "application/json"),
                "{\"tool\":\"list_workspaces\",\"input\":{}}".getBytes(StandardCharsets.UTF_8));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(blocked.body()).contains("Too many failed authentications from this address");
    }

    private Map<Integer, Integer> send(RawHttp raw, int keys) throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < keys; i++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String key = "cb_live_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Answer answer = raw.send(
                    "POST",
                    "/api/mcp-server",
                    Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                    "{\"tool\":\"list_workspaces\",\"input\":{}}".getBytes(StandardCharsets.UTF_8));
            statuses.merge(answer.status(), 1, Integer::sum);
        }
        return statuses;
    }

    private long transactions() {
        return database.count(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '" + database.name() + "'");
    }
}
