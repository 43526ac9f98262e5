package com.classifiedbilling.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The page's per-minute limits on one instance (buckets in memory), on the JSON and MCP doors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RateLimitIT extends PostgresIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    void whenStarterSendsFortyRequestsInAMinuteThenExactlyThirtyPassAndTenGet429() {
        Account starter = new BillingFixture(context).account("Starter");
        List<EntityExchangeResult<String>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(legacy(starter.key()));
        }

        assertThat(answers).filteredOn(a -> a.getStatus().value() == 200).hasSize(30);
        List<EntityExchangeResult<String>> refused =
                answers.stream().filter(a -> a.getStatus().value() == 429).toList();
        assertThat(refused).hasSize(10);
        for (int i = 0; i < answers.size(); i++) {
            EntityExchangeResult<String> answer = answers.get(i);
            assertThat(answer.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("30");
            assertThat(answer.getResponseHeaders().getFirst("RateLimit-Remaining"))
                    .isEqualTo(Integer.toString(Math.max(0, 29 - i)));
            assertThat(Long.parseLong(answer.getResponseHeaders().getFirst("RateLimit-Reset")))
                    .isBetween(1L, 60L);
        }
        EntityExchangeResult<String> first = refused.get(0);
        String retryAfter = first.getResponseHeaders().getFirst("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
        assertThat(first.getResponseBody())
                .isEqualTo("{\"error\":\"Rate limit exceeded: 30 requests per minute on "
                        + "the Starter plan. Retry after " + retryAfter + " seconds.\"}");
    }

    @Test
    void shouldCountAllOfAUsersKeysTogetherAndLeaveOtherUsersAlone() {
        BillingFixture fixture = new BillingFixture(context);
        Account starter = fixture.account("Starter");
        String secondKey = fixture.readOnlyKey(starter);
        Account neighbour = fixture.account("Starter");
        int passed = 0;
        for (int i = 0; i < 40; i++) {
            if (legacy(i % 2 == 0 ? starter.key() : secondKey).getStatus().value() == 200) {
                passed++;
            }
        }
        assertThat(passed).isEqualTo(30);
        assertThat(legacy(neighbour.key()).getStatus().value()).isEqualTo(200);
    }

    @Test
    void mcpToolCallsShouldBeCountedAndRefusedWith429LikeTheJsonDoor() {
        Account starter = new BillingFixture(context).account("Starter");
        for (int i = 0; i < 30; i++) {
            assertThat(mcp(starter.key(), "tools/call").getStatus().value()).isEqualTo(200);
        }
        EntityExchangeResult<String> refused = mcp(starter.key(), "tools/call");
        assertThat(refused.getStatus().value()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isNotNull();
        assertThat(refused.getResponseBody())
                .startsWith(
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32000,"
                                + "\"message\":\"Rate limit exceeded: 30 requests per minute on the Starter plan. Retry after ");
        // messages that call no tool are not counted
        assertThat(mcp(starter.key(), "tools/list").getStatus().value()).isEqualTo(200);
        assertThat(legacy(starter.key()).getStatus().value()).isEqualTo(429);
    }

    @Test
    void whenCredentialIsBadThen401AndNoTokenIsSpent() {
        Account starter = new BillingFixture(context).account("Starter");
        for (int i = 0; i < 50; i++) {
            http.post()
                    .uri("/api/mcp-server")
                    .header("Authorization", "Bearer cb_live_" + "x".repeat(43))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"tool\":\"list_workspaces\"}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        assertThat(legacy(starter.key()).getResponseHeaders().getFirst("RateLimit-Remaining"))
                .isEqualTo("29");
    }

    @Test
    void whenThePlanChangesThenItsLimitsApplyFromTheNextRequestAfterTheOneSecondCredentialCache() throws Exception {
        Account starter = new BillingFixture(context).account("Starter");
        for (int i = 0; i < 30; i++) {
            legacy(starter.key());
        }
        assertThat(legacy(starter.key()).getStatus().value()).isEqualTo(429);

        database.count("WITH changed AS (UPDATE users SET plan = 'Advance' WHERE id = '"
                + starter.user().id() + "' RETURNING 1) SELECT COUNT(*) FROM changed");
        Thread.sleep(1100); // billing.auth.api-keys.cache-ttl

        EntityExchangeResult<String> upgraded = legacy(starter.key());
        assertThat(upgraded.getStatus().value()).isEqualTo(200);
        assertThat(upgraded.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("120");
    }

    private EntityExchangeResult<String> legacy(String key) {
        return http.post()
                .uri("/api/mcp-server")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tool\":\"list_workspaces\",\"input\":{}}")
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    private EntityExchangeResult<String> mcp(String key, String method) {
        String params =
                method.equals("tools/call") ? ",\"params\":{\"name\":\"list_workspaces\",\"arguments\":{}}" : "";
        return http.post()
                .uri("/mcp")
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json, text/event-stream")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\"" + params + "}")
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }
}
