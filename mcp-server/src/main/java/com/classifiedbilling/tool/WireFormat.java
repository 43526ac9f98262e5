package com.classifiedbilling.tool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/** How the API page writes values: timestamps like {@code 2025-03-01T00:00:00.000Z}, exact amounts. */
final class WireFormat {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireFormat() {}

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    /** The amount with as many decimals as its currency has minor units (USD 2500.00, JPY 2500). */
    static BigDecimal amount(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException unknownToJava) {
            digits = 2;
        }
        return amount.setScale(digits, RoundingMode.HALF_EVEN);
    }
}
