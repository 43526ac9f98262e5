package com.classifiedbilling.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireFormatTests {

    @Test
    void shouldWriteTimestampsLikeTheApiPage() {
        assertThat(WireFormat.timestamp(Instant.parse("2025-03-01T00:00:00Z"))).isEqualTo("2025-03-01T00:00:00.000Z");
        assertThat(WireFormat.timestamp(Instant.parse("2025-03-01T10:15:30.123456Z")))
                .isEqualTo("2025-03-01T10:15:30.123Z");
        assertThat(WireFormat.timestamp(null)).isNull();
    }

    @Test
    void shouldGiveAmountsTheirCurrencysDecimals() {
        assertThat(WireFormat.amount(new BigDecimal("2500.0000"), "USD").toPlainString())
                .isEqualTo("2500.00");
        assertThat(WireFormat.amount(new BigDecimal("2500.0000"), "JPY").toPlainString())
                .isEqualTo("2500");
        assertThat(WireFormat.amount(new BigDecimal("1.2345"), "BHD").toPlainString())
                .isEqualTo("1.234");
        assertThat(WireFormat.amount(new BigDecimal("7850"), "EUR").toString()).isEqualTo("7850.00");
    }
}
