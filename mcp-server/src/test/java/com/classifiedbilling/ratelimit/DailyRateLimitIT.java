package com.classifiedbilling.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The day limit, with small limits configured so that a test can reach it. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"billing.rate-limits.plans.Starter.per-minute=100", "billing.rate-limits.plans.Starter.per-day=5"
        })
@AutoConfigureWebTestClient
class DailyRateLimitIT extends PostgresIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    void whenTheDayIsUsedUpThen429NamingTheDayLimitUntilTomorrow() {
        Account starter = new BillingFixture(context).account("Starter");
        for (int i = 0; i < 5; i++) {
            EntityExchangeResult<String> ok = call(starter.key());
            assertThat(ok.getStatus().value()).isEqualTo(200);
            assertThat(ok.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("5");
            assertThat(ok.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo(Integer.toString(4 - i));
        }

        EntityExchangeResult<String> refused = call(starter.key());

        assertThat(refused.getStatus().value()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).isGreaterThan(86_000L).isLessThanOrEqualTo(86_400L);
        assertThat(refused.getResponseBody())
                .isEqualTo("{\"error\":\"Rate limit exceeded: 5 requests per day on the " + "Starter plan. Retry after "
                        + retryAfter + " seconds.\"}");
        // the refused request gave its minute token back
        assertThat(call(starter.key()).getStatus().value()).isEqualTo(429);
    }

    private EntityExchangeResult<String> call(String key) {
        return http.post()
                .uri("/api/mcp-server")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tool\":\"list_workspaces\",\"input\":{}}")
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }
}
