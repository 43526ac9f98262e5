package com.classifiedbilling.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    void shouldWriteEveryTimestampAsTheFormatterWould() {
        DateTimeFormatter formatter =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(20261124);
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("2024-02-29T23:59:59.9995Z"),
                Instant.parse("1969-12-31T23:59:59.001Z"),
                Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z")));
        long earliest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            instants.add(Instant.ofEpochSecond(
                    earliest + (long) (random.nextDouble() * (latest - earliest)), random.nextInt(1_000_000_000)));
        }

        for (Instant instant : instants) {
            assertThat(WireFormat.timestamp(instant)).as("%s", instant).isEqualTo(formatter.format(instant));
        }
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
