package com.classifiedbilling.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedMessageConverterTests {

    @Test
    void shouldEscapeEveryCharacterThatCouldEndALine() {
        for (String breaker :
                new String[] {"\n", "\r", "\u000b", "\f", "\u0085", "\u2028", "\u2029", "\u0000", "\u001b"}) {
            String line = BoundedMessageConverter.bounded("before" + breaker + "2026-12-01 ERROR forged");
            assertThat(line).as("U+%04X", (int) breaker.charAt(0)).startsWith("before\\");
            assertThat(line.chars().filter(c -> c < 0x20 || c == 0x85 || c == 0x2028 || c == 0x2029))
                    .isEmpty();
        }
        assertThat(BoundedMessageConverter.bounded("a\nb\tc")).isEqualTo("a\\nb\\tc");
    }

    @Test
    void shouldCutLongMessagesAndSayHowMuchWasCut() {
        String line = BoundedMessageConverter.bounded("x".repeat(200_000));
        assertThat(line).startsWith("x".repeat(BoundedMessageConverter.MAX_LENGTH));
        assertThat(line).endsWith("... [" + (200_000 - BoundedMessageConverter.MAX_LENGTH) + " more characters]");
        assertThat(line.length()).isLessThan(BoundedMessageConverter.MAX_LENGTH + 40);
    }

    @Test
    void shouldLeaveShortPlainMessagesAlone() {
        assertThat(BoundedMessageConverter.bounded("Started in 1.2 s — ok")).isEqualTo("Started in 1.2 s — ok");
    }
}
