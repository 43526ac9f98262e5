package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.RequestPath;

class CanonicalPathsTests {

    @Test
    void shouldTakePlainPaths() {
        for (String path : new String[] {
            "/",
            "/mcp",
            "/api/mcp-server",
            "/.well-known/oauth-protected-resource/mcp",
            "/actuator/health/liveness",
            "/a.b/c..d"
        }) {
            assertThat(CanonicalPaths.isCanonical(path)).as(path).isTrue();
        }
    }

    @Test
    void shouldRefuseEverythingThatDecodesOrNormalisesToSomethingElse() {
        for (String path : new String[] {
            "",
            "mcp",
            "/mc%70",
            "/MC%70",
            "/api/mcp%2dserver",
            "/api/mcp%2Dserver",
            "//mcp",
            "/api//mcp-server",
            "/mcp/",
            "/mcp;x=1",
            "/api;v=1/mcp-server",
            "/./mcp",
            "/x/../mcp",
            "/.",
            "/..",
            "/%2e/mcp",
            "/mcp%00"
        }) {
            assertThat(CanonicalPaths.isCanonical(path)).as(path).isFalse();
        }
    }

    @Test
    void shouldNameTheDoorARefusedPathWouldHaveReached() {
        assertThat(intended("/mc%70")).isEqualTo(Door.STREAMABLE_HTTP);
        assertThat(intended("/api/mcp%2Dserver")).isEqualTo(Door.LEGACY);
        assertThat(intended("//messag%65")).isEqualTo(Door.SSE_MESSAGE);
        assertThat(intended("/x/../sse/")).isEqualTo(Door.SSE);
        assertThat(intended("/mcp;x=1")).isEqualTo(Door.STREAMABLE_HTTP);
        assertThat(intended("/nothing%20here")).isNull();
    }

    private static Door intended(String rawPath) {
        return CanonicalPaths.intendedDoor(
                RequestPath.parse(URI.create("http://h" + rawPath).getRawPath(), null));
    }
}
