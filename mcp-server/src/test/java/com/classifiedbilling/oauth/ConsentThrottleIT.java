package com.classifiedbilling.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.oauth.OAuthDance.Answer;
import com.classifiedbilling.oauth.OAuthDance.Client;
import com.classifiedbilling.oauth.OAuthDance.Pkce;
import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Wrong API keys on the consent page are throttled per address; right ones do not use the allowance. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"billing.rate-limits.per-address.per-minute=100000", "billing.oauth.consent-failures=3"})
@AutoConfigureWebTestClient
class ConsentThrottleIT extends PostgresIntegrationTest {

    static final String WRONG_KEY = "cb_live_" + "w".repeat(43);

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void whenTooManyWrongKeysThenEvenTheRightKeyIsRefusedForAWhile() {
        OAuthDance dance = new OAuthDance(http, "http://localhost:" + port);
        String key = new BillingFixture(context).account("Starter").key();
        Client client = dance.registerClaude();

        // right keys give their attempt back: any number of approvals does not throttle
        for (int i = 0; i < 5; i++) {
            assertThat(approve(dance, client, key).status()).isEqualTo(303);
        }
        for (int i = 0; i < 3; i++) {
            Answer wrong = approve(dance, client, WRONG_KEY);
            assertThat(wrong.status()).as("wrong key %d", i + 1).isEqualTo(400);
        }

        Answer throttled = approve(dance, client, WRONG_KEY);
        Answer rightButThrottled = approve(dance, client, key);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many wrong API keys");
        assertThat(rightButThrottled.status()).isEqualTo(429);
        assertThat(rightButThrottled.headers().getFirst(HttpHeaders.LOCATION)).isNull();
    }

    private static Answer approve(OAuthDance dance, Client client, String key) {
        return dance.decide(dance.consentPage(dance.authorization(client, Pkce.create())), key, "approve");
    }
}
