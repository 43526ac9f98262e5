package com.classifiedbilling.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.oauth.McpOnly;
import com.classifiedbilling.auth.oauth.PublicUrls;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import reactor.test.StepVerifier;

class BearerTokenConverterTests {

    private final BearerTokenConverter converter =
            new BearerTokenConverter(new PublicUrls(null, List.of(), new McpOnly()));

    @Test
    void whenBearerHeaderThenToken() {
        StepVerifier.create(converter.convert(exchange("Bearer cb_live_abc")))
                .assertNext(auth -> assertThat(((BearerToken) auth).token()).isEqualTo("cb_live_abc"))
                .verifyComplete();
    }

    @Test
    void whenSchemeInOtherCaseThenStillToken() {
        StepVerifier.create(converter.convert(exchange("bearer tok")))
                .assertNext(auth -> assertThat(((BearerToken) auth).token()).isEqualTo("tok"))
                .verifyComplete();
    }

    @Test
    void whenNoHeaderThenNoCredential() {
        StepVerifier.create(converter.convert(MockServerWebExchange.from(MockServerHttpRequest.get("/api/me"))))
                .verifyComplete();
    }

    @Test
    void whenOtherSchemeOrEmptyTokenThenBadCredentials() {
        for (String header : new String[] {"Basic dXNlcjpwYXNz", "Bearer ", "Bearer", "Bearer a b", "cb_live_abc"}) {
            StepVerifier.create(converter.convert(exchange(header)))
                    .expectError(BadCredentialsException.class)
                    .verify();
        }
    }

    @Test
    void whenTokenIsHugeThenBadCredentials() {
        StepVerifier.create(converter.convert(exchange("Bearer " + "a".repeat(5000))))
                .expectError(BadCredentialsException.class)
                .verify();
    }

    @Test
    void shouldNotShowTheTokenInToString() {
        assertThat(new BearerToken("cb_live_secret", "http://localhost", "127.0.0.1").toString())
                .doesNotContain("secret");
    }

    private static MockServerWebExchange exchange(String authorization) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/me").header("Authorization", authorization));
    }
}
