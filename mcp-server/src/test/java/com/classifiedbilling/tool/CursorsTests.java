package com.classifiedbilling.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classifiedbilling.billing.After;
import com.classifiedbilling.billing.BillingException;
import java.time.Instant;
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
