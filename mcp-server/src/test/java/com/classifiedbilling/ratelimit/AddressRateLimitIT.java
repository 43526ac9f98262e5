package com.classifiedbilling.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The per-address limit on the endpoints that take no credential (OAuth registration, token,
 * consent). The OAuth endpoints themselves come with the OAuth issue; until then these paths answer
 * 404, and the limit already stands in front of them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "billing.rate-limits.per-address.per-minute=5")
@AutoConfigureWebTestClient
class AddressRateLimitIT extends PostgresIntegrationTest {

    @Autowired
    WebTestClient http;

    @Test
    void whenOneAddressFloodsTheCredentialFreeEndpointsThen429AfterTheLimit() {
        String[] paths = {"/oauth/register", "/register", "/token", "/api/mcp-token", "/mcp-connect"};
        for (String path : paths) {
            http.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("a=b")
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).isNotEqualTo(429));
        }
        http.post()
                .uri("/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("a=b")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("rate_limited")
                .jsonPath("$.error_description")
                .value(text -> assertThat((String) text)
                        .startsWith("Too many requests from this address (5 a minute). Retry after "));
    }

    @Test
    void shouldLeaveOtherPathsAndMethodsAlone() {
        for (int i = 0; i < 10; i++) {
            // a GET that asks nothing of the database (the health endpoint checks the pool)
            http.get()
                    .uri("/.well-known/oauth-authorization-server")
                    .exchange()
                    .expectStatus()
                    .isOk();
            http.get()
                    .uri("/mcp-connect")
                    .exchange()
                    .expectStatus()
                    .value(s -> assertThat(s).isNotEqualTo(429));
        }
    }
}
