package com.classifiedbilling.auth.oauth.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIdUrlsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://app.example/client.json", // not https
                "HTTP://app.example/client.json",
                "https://app.example", // no path
                "https://app.example/",
                "https://user@app.example/client.json", // user info
                "https://app.example/client.json#x", // fragment
                "https://app.example/a/../client.json", // dot segment
                "https://127.0.0.1/client.json", // IP literals, in every spelling
                "https://2130706433/client.json",
                "https://0x7f000001/client.json",
                "https://0177.0.0.1/client.json",
                "https://10.0.0.1/client.json",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/client.json",
                "https://[::ffff:127.0.0.1]/client.json",
                "https://[fd00::1]/client.json",
                "https://app.example/a b"
            })
    void shouldRefuseWhatIsNotAnHttpsDocumentUrlOnADnsName(String url) {
        assertThat(ClientIdUrls.isUrl(url)).as(url).isTrue();
        assertThat(ClientIdUrls.problem(url)).as(url).isNotNull();
    }

    @Test
    void shouldTakeAnHttpsUrlWithAPath() {
        assertThat(ClientIdUrls.problem("https://claude.ai/oauth/mcp-client-metadata.json"))
                .isNull();
        assertThat(ClientIdUrls.host("https://Claude.AI/oauth/client.json")).isEqualTo("claude.ai");
        assertThat(ClientIdUrls.problem("https://app.example/" + "a".repeat(2000)))
                .contains("longer");
    }

    @Test
    void aRegisteredClientIdIsNotAUrl() {
        assertThat(ClientIdUrls.isUrl("cli_abc123")).isFalse();
        assertThat(ClientIdUrls.isUrl(null)).isFalse();
    }
}
