package com.classifiedbilling.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classifiedbilling.billing.After;
import com.classifiedbilling.billing.BillingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorsTests {

    @Test
    void shouldRoundTripATimePositionToTheNanosecond() {
        Instant at = Instant.parse("2025-03-01T10:15:30.123456Z");

        assertThat(Cursors.instant(Cursors.ofInstant(at, "inv_1"))).isEqualTo(new After<>(at, "inv_1"));
    }

    @Test
    void shouldRoundTripATextPositionWithAnyCharacters() {
        String name = "Müller & Söhne\tGmbH";

        assertThat(Cursors.text(Cursors.ofText(name, "cust_1"))).isEqualTo(new After<>(name, "cust_1"));
    }

    @Test
    void shouldRoundTripANameWithNewlines() {
        String name = "Acme\nHoldings\n";

        assertThat(Cursors.text(Cursors.ofText(name, "cust_1"))).isEqualTo(new After<>(name, "cust_1"));
    }

    @Test
    void shouldStillReadCursorsOfTheFirstLayout() {
        String old = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("s\nAcme\ncust_1".getBytes(StandardCharsets.UTF_8));
        String oldTime = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("t\n5.7\ninv_1".getBytes(StandardCharsets.UTF_8));

        assertThat(Cursors.text(old)).isEqualTo(new After<>("Acme", "cust_1"));
        assertThat(Cursors.instant(oldTime)).isEqualTo(new After<>(Instant.ofEpochSecond(5, 7), "inv_1"));
    }

    @Test
    void whenACursorHoldsNulOrIsNotUtf8ThenRefused() {
        for (byte[] bad : new byte[][] {
            "S\ncust_1\nA\0".getBytes(StandardCharsets.UTF_8),
            "S\n\0\nAcme".getBytes(StandardCharsets.UTF_8),
            "s\nA\0\ncust_1".getBytes(StandardCharsets.UTF_8),
            {'S', '\n', 'c', '\n', (byte) 0xff},
            {'S', '\n', 'c', '\n', (byte) 0xc0, (byte) 0xaf}
        }) {
            String cursor = Base64.getUrlEncoder().encodeToString(bad);
            assertThatThrownBy(() -> Cursors.text(cursor)).isInstanceOf(BillingException.class);
        }
    }

    @Test
    void whenNoCursorThenFirstPage() {
        assertThat(Cursors.instant(null)).isNull();
        assertThat(Cursors.text(null)).isNull();
    }

    @Test
    void whenCursorForgedOrFromAnotherListThenRefused() {
        String textCursor = Cursors.ofText("Acme", "cust_1");
        for (String bad : new String[] {"garbage", "!!!", textCursor, "dAoxMjM", "dApub3RhbnVtYmVyCmludl8x"}) {
            assertThatThrownBy(() -> Cursors.instant(bad))
                    .as(bad)
                    .isInstanceOf(BillingException.class)
                    .hasMessageContaining("Field 'cursor'");
        }
    }
}
