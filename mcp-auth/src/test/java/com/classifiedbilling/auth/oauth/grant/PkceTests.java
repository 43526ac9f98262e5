package com.classifiedbilling.auth.oauth.grant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTests {

    /** RFC 7636 Appendix B. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void shouldVerifyTheRfcExample() {
        assertThat(Pkce.verify(CHALLENGE, VERIFIER)).isTrue();
    }

    @Test
    void whenVerifierDiffersThenFalse() {
        assertThat(Pkce.verify(CHALLENGE, VERIFIER.replace('d', 'e'))).isFalse();
    }

    @Test
    void whenVerifierIsThePlainChallengeThenFalse() {
        assertThat(Pkce.verify(CHALLENGE, CHALLENGE)).isFalse();
    }

    @Test
    void whenVerifierIsMalformedThenFalse() {
        assertThat(Pkce.verify(CHALLENGE, "short")).isFalse();
        assertThat(Pkce.verify(CHALLENGE, "x".repeat(129))).isFalse();
        assertThat(Pkce.verify(CHALLENGE, VERIFIER + "!")).isFalse();
        assertThat(Pkce.verify(CHALLENGE, null)).isFalse();
    }

    @Test
    void shouldTakeOnlyS256ShapedChallenges() {
        assertThat(Pkce.wellFormedChallenge(CHALLENGE)).isTrue();
        assertThat(Pkce.wellFormedChallenge(CHALLENGE + "=")).isFalse();
        assertThat(Pkce.wellFormedChallenge("abc")).isFalse();
        assertThat(Pkce.wellFormedChallenge(null)).isFalse();
    }
}
