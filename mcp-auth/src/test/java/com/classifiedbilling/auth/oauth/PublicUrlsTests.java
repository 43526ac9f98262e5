package com.classifiedbilling.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class PublicUrlsTests {

    private static final ProtectedResources MCP = new McpOnly();

    private final PublicUrls fromRequests = new PublicUrls(null, List.of("billing.internal"), MCP);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:8080",
                "127.0.0.1",
                "127.255.0.1:9",
                "[::1]:8080",
                "billing.internal",
                "BILLING.internal:443"
            })
    void whenTheHostIsLoopbackOrAllowedThenTheBaseFollowsIt(String host) {
        assertThat(fromRequests.base(exchange(host))).isEqualTo("http://" + host);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example",
                "billing.internal.evil.example",
                "127.0.0.1.nip.io",
                "127.0.0.256",
                "10.0.0.1",
                "[::2]"
            })
    void whenTheHostIsNeitherThenTheBaseIsRefused(String host) {
        assertThatThrownBy(() -> fromRequests.base(exchange(host))).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.description()).doesNotContain(host);
        });
    }

    @Test
    void whenThePublicUrlIsSetThenTheHostDoesNotMatter() {
        PublicUrls configured = new PublicUrls(URI.create("https://billing.example/"), List.of(), MCP);

        assertThat(configured.base(exchange("evil.example"))).isEqualTo("https://billing.example");
        assertThat(configured.defaultResource(configured.base(exchange("evil.example"))))
                .isEqualTo("https://billing.example/mcp");
    }

    private static MockServerWebExchange exchange(String host) {
        return MockServerWebExchange.from(
                MockServerHttpRequest.get("http://" + host + "/.well-known/oauth-authorization-server"));
    }
}
