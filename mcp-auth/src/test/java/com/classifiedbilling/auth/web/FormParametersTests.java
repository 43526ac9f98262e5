package com.classifiedbilling.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.MultiValueMap;

/** The one reader of query strings and forms: what it takes, and every way a value can be malformed. */
class FormParametersTests {

    @Test
    void shouldDecodeEscapesPlusAndUtf8InOrderKeepingRepeats() throws Exception {
        MultiValueMap<String, String> form = FormParameters.parse("a=1+2&b=%C3%BCber&a=x%2By&&empty=&flag");

        assertThat(form.get("a")).containsExactly("1 2", "x+y");
        assertThat(form.getFirst("b")).isEqualTo("über");
        assertThat(form.getFirst("empty")).isEmpty();
        assertThat(form.getFirst("flag")).isEmpty();
        assertThat(FormParameters.parse("raw=über".getBytes(StandardCharsets.UTF_8))
                        .getFirst("raw"))
                .isEqualTo("über");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "%zz",
                "%",
                "%4",
                "%g0",
                "abc%",
                "%%41", // not two hex digits
                "%\uFF14\uFF11",
                "%\u0664\u0661",
                "%\u096A4", // digits of other scripts ("41" in fullwidth, Arabic-Indic, Devanagari) are not hex digits
                "%C0%AF",
                "%FF",
                "%ED%A0%80",
                "%E2%82", // not UTF-8: overlong, invalid, a surrogate, cut short
                "%00",
                "a%00b",
                "%0A",
                "%0D",
                "%09",
                "%1F",
                "%7F",
                "\u0001",
                "a\nb" // control characters
            })
    void shouldRefuseEveryMalformedValueAndNeverRepeatIt(String value) {
        assertThatThrownBy(() -> FormParameters.parse("client_id=" + value))
                .isInstanceOf(FormParameters.MalformedException.class)
                .hasMessageContaining("client_id")
                // (a lone "%" is in the message's own words)
                .satisfies(
                        e -> assertThat(value.length() == 1 || !e.getMessage().contains(value))
                                .isTrue());
        assertThatThrownBy(() -> FormParameters.parse(value + "=1"))
                .isInstanceOf(FormParameters.MalformedException.class);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        assertThatThrownBy(() -> FormParameters.parse(new byte[] {'a', '=', (byte) 0xff}))
                .isInstanceOf(FormParameters.MalformedException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aNameThatIsNotPlainIsNotRepeatedEither() {
        assertThatThrownBy(() -> FormParameters.parse("se%3Ccret%3E=%zz"))
                .hasMessageContaining("(unnamed)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("se<cret>"));
    }
}
