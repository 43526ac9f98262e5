package com.classifiedbilling.tool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/** How the API page writes values: timestamps like {@code 2025-03-01T00:00:00.000Z}, exact amounts. */
final class WireFormat {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final byte[] TIMESTAMP_TEMPLATE = "0000-00-00T00:00:00.000Z".getBytes(StandardCharsets.US_ASCII);

    private WireFormat() {}

    /**
     * The instant in UTC to the millisecond. Every invoice in an answer has up to three of these, and
     * {@link DateTimeFormatter} made a tenth of all the memory a {@code list_invoices} call allocated,
     * so the years 1 to 9999 are written digit by digit. Other years go through the formatter, which
     * writes the year of the era (year 0 as 0001).
     */
    static String timestamp(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (time.getYear() < 1 || time.getYear() > 9999) {
            return TIMESTAMP.format(instant);
        }
        byte[] text = TIMESTAMP_TEMPLATE.clone();
        digits(text, 0, 4, time.getYear());
        digits(text, 5, 2, time.getMonthValue());
        digits(text, 8, 2, time.getDayOfMonth());
        digits(text, 11, 2, time.getHour());
        digits(text, 14, 2, time.getMinute());
        digits(text, 17, 2, time.getSecond());
        digits(text, 20, 3, time.getNano() / 1_000_000);
        return new String(text, StandardCharsets.US_ASCII);
    }

    /** Writes {@code value} into {@code width} places of {@code text} from {@code at}, zero-padded. */
    private static void digits(byte[] text, int at, int width, int value) {
        for (int place = at + width - 1; place >= at; place--) {
            text[place] = (byte) ('0' + value % 10);
            value /= 10;
        }
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
