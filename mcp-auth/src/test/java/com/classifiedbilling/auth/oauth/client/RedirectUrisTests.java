package com.classifiedbilling.auth.oauth.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUrisTests {

    static final List<String> CLAUDE = List.of("https://claude.ai/api/mcp/auth_callback");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://claude.ai/api/mcp/auth_callback",
                "https://claude.com/api/mcp/auth_callback",
                "http://localhost:33418/oauth/callback",
                "http://127.0.0.1:8080/callback",
                "http://[::1]:9000/cb",
                "https://app.example/cb?tenant=1"
            })
    void shouldTakeHttpsAndLoopbackHttp(String uri) {
        assertThat(RedirectUris.problem(uri)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://evil.example/cb",
                "https://claude.ai/cb#x",
                "https://*.claude.ai/cb",
                "javascript:alert(1)",
                "data:text/html,x",
                "https://user@claude.ai/cb",
                "https://claude.ai/a/../cb",
                "https://claude.ai/a/./cb",
                "//claude.ai/cb",
                "claude.ai/cb",
                ""
            })
    void shouldRefuseEverythingElse(String uri) {
        assertThat(RedirectUris.problem(uri)).isNotNull();
    }

    @Test
    void shouldMatchExactlyOnly() {
        assertThat(RedirectUris.matches(CLAUDE, "https://claude.ai/api/mcp/auth_callback"))
                .isTrue();
        assertThat(RedirectUris.matches(CLAUDE, "https://claude.ai/api/mcp/auth_callback/"))
                .isFalse();
        assertThat(RedirectUris.matches(CLAUDE, "https://CLAUDE.ai/api/mcp/auth_callback"))
                .isFalse();
        assertThat(RedirectUris.matches(CLAUDE, "https://claude.ai:443/api/mcp/auth_callback"))
                .isFalse();
        assertThat(RedirectUris.matches(CLAUDE, "https://claude.ai/api/mcp/auth_callback?a=1"))
                .isFalse();
        assertThat(RedirectUris.matches(CLAUDE, null)).isFalse();
    }

    @Test
    void shouldMatchLoopbackOnAnyPortButNothingElseDifferent() {
        List<String> registered = List.of("http://127.0.0.1:3334/oauth/callback");

        assertThat(RedirectUris.matches(registered, "http://127.0.0.1:51000/oauth/callback"))
                .isTrue();
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1/oauth/callback"))
                .isTrue();
        assertThat(RedirectUris.matches(registered, "http://localhost:3334/oauth/callback"))
                .isFalse();
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1:3334/other"))
                .isFalse();
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1:3334/oauth/callback?x=1"))
                .isFalse();
        assertThat(RedirectUris.matches(List.of("https://claude.ai:8443/cb"), "https://claude.ai:9443/cb"))
                .isFalse();
    }
}
