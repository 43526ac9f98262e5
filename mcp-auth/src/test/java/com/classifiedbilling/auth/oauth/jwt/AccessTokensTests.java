package com.classifiedbilling.auth.oauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.classifiedbilling.auth.principal.Scope;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Signing and checking access tokens, the claims checked by nimbus's verifier on the server's clock. */
class AccessTokensTests {

    static final String ISSUER = "https://billing.example";

    static final String AUDIENCE = ISSUER + "/mcp";

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** One key for every instance of the test, as the database shares one between instances. */
    static final SigningKey KEY;

    static {
        try {
            KEY = new SigningKey(
                    "k1", 1, new ECKeyGenerator(Curve.P_256).keyID("k1").generate(), NOW.minusSeconds(3600), null);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The tokens of a server whose clock says {@code now}. */
    private static AccessTokens at(Instant now) {
        SigningKey key = KEY;
        SigningKeyRepository repository = new SigningKeyRepository() {
            @Override
            public Flux<SigningKey> findUnretired() {
                return Flux.just(key);
            }

            @Override
            public Mono<Void> insert(SigningKey added, Instant createdAt) {
                return Mono.error(new UnsupportedOperationException());
            }
        };
        OAuthProperties properties = new OAuthProperties(
                null,
                Duration.ofDays(90),
                Duration.ofDays(180),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                Duration.ofHours(24),
                List.of(),
                Duration.ofMillis(500),
                Duration.ofSeconds(60),
                5,
                Duration.ofMinutes(15),
                List.of(),
                "/privacy",
                "/support");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new AccessTokens(new SigningKeys(repository, properties, clock), clock);
    }

    private static AccessTokenClaims claims(String issuer, String audience, Instant expiresAt) {
        return new AccessTokenClaims(
                issuer, "usr_1", audience, "cli_1", EnumSet.of(Scope.READ), "grt_1", "at_1", NOW, expiresAt);
    }

    @Test
    void aTokenThisServerSignedIsValidForItsIssuerAndAudience() {
        AccessTokens tokens = at(NOW);
        String token =
                tokens.sign(claims(ISSUER, AUDIENCE, NOW.plusSeconds(600))).block();

        AccessTokenClaims verified =
                tokens.verify(token, ISSUER, List.of(ISSUER, AUDIENCE)).block();

        assertThat(verified).isEqualTo(claims(ISSUER, AUDIENCE, NOW.plusSeconds(600)));
    }

    @Test
    void expiryAllowsThirtySecondsOfClockSkewAndNoMore() {
        String token =
                at(NOW).sign(claims(ISSUER, AUDIENCE, NOW.plusSeconds(60))).block();

        assertThat(at(NOW.plusSeconds(85))
                        .verify(token, ISSUER, List.of(AUDIENCE))
                        .block())
                .isNotNull();
        assertThat(at(NOW.plusSeconds(95))
                        .verify(token, ISSUER, List.of(AUDIENCE))
                        .block())
                .isNull();
    }

    @Test
    void anotherIssuerAudienceOrATamperedTokenIsNotValid() {
        AccessTokens tokens = at(NOW);
        String token =
                tokens.sign(claims(ISSUER, AUDIENCE, NOW.plusSeconds(600))).block();
        String otherAudience = tokens.sign(claims(ISSUER, "https://other.example/mcp", NOW.plusSeconds(600)))
                .block();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0." + parts[1] + ".";

        assertThat(tokens.verify(token, "https://evil.example", List.of(AUDIENCE))
                        .block())
                .isNull();
        assertThat(tokens.verify(token, ISSUER, List.of(ISSUER + "/sse")).block())
                .isNull();
        assertThat(tokens.verify(otherAudience, ISSUER, List.of(ISSUER, AUDIENCE))
                        .block())
                .isNull();
        assertThat(tokens.verify(tampered, ISSUER, List.of(AUDIENCE)).block()).isNull();
        assertThat(tokens.verify(unsigned, ISSUER, List.of(AUDIENCE)).block()).isNull();
        assertThat(tokens.verify("not.a.jwt", ISSUER, List.of(AUDIENCE)).block())
                .isNull();
    }
}
