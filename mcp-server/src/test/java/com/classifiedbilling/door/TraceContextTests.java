package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TraceContextTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";

    @Test
    void shouldKeepAWellFormedTraceparentAndItsTracestate() {
        TraceContext trace = TraceContext.of(JSON.readTree(
                "{\"traceparent\":\"" + PARENT + "\",\"tracestate\":\"congo=t61rcWkgMzE,rojo=00f067aa0ba902b7\"}"));
        assertThat(trace).isEqualTo(new TraceContext(PARENT, "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"));
    }

    @Test
    void shouldKeepNothingOfAMalformedTraceparent() {
        for (String parent : new String[] {
            "",
            "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7", // no flags
            "00-0AF7651916CD43DD8448EB211C80319C-00F067AA0BA902B7-01", // upper case
            "ff-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01", // the forbidden version
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // an all-zero trace id
            "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", // an all-zero parent id
            PARENT + "\n2026-12-01 ERROR forged"
        }) {
            String meta = JSON.writeValueAsString(java.util.Map.of("traceparent", parent));
            assertThat(TraceContext.of(JSON.readTree(meta))).as(parent).isNull();
        }
        assertThat(TraceContext.of(JSON.readTree("{\"traceparent\":42}"))).isNull();
        assertThat(TraceContext.of(JSON.readTree("{}"))).isNull();
    }

    @Test
    void shouldDropATracestateThatIsTooLongOrNotPrintable() {
        for (String state : new String[] {"a=" + "b".repeat(600), "a=b\nc=d", "a=\u00e9"}) {
            String meta = JSON.writeValueAsString(java.util.Map.of("traceparent", PARENT, "tracestate", state));
            assertThat(TraceContext.of(JSON.readTree(meta))).isEqualTo(new TraceContext(PARENT, null));
        }
    }
}
