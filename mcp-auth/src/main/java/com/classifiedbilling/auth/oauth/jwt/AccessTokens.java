package com.classifiedbilling.auth.oauth.jwt;

import com.classifiedbilling.auth.principal.Scope;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signs and checks access tokens: JWTs of type {@code at+jwt}, ES256, with the claims of {@link
 * AccessTokenClaims}. Checking needs no database: the signature against the shared keys, then
 * issuer, audience, expiry and the required claims by nimbus's own {@link DefaultJWTClaimsVerifier}. Whether the token's grant is still live is the caller's next step.
 */
@Component
public final class AccessTokens {

    static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    /** How far clocks of two instances may disagree. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final SigningKeys keys;

    private final Clock clock;

    AccessTokens(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Nimbus's claims check for this issuer and these audiences: the issuer exactly, one of the
     * audiences, every claim this server signs present, and not expired by more than {@link
     * #CLOCK_SKEW}, on this server's clock.
     */
    private DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(String issuer, Collection<String> audiences) {
        DefaultJWTClaimsVerifier<SecurityContext> verifier =
                new DefaultJWTClaimsVerifier<>(
                        // nimbus asks its sets whether they hold null, which Set.of / copyOf refuse to answer
                        new HashSet<>(audiences),
                        new JWTClaimsSet.Builder().issuer(issuer).build(),
                        REQUIRED_CLAIMS,
                        null) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        verifier.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        return verifier;
    }

    /** The claims every access token of this server carries. */
    private static final Set<String> REQUIRED_CLAIMS = Collections.unmodifiableSet(
            new HashSet<>(List.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope", "grant_id")));

    /** Whether a bearer token looks like a JWT (three base64url parts) rather than an API key. */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    /** The signed, compact JWT for these claims. */
    public Mono<String> sign(AccessTokenClaims claims) {
        return keys.ring().map(ring -> {
            JWTClaimsSet set = new JWTClaimsSet.Builder()
                    .issuer(claims.issuer())
                    .subject(claims.subject())
                    .audience(claims.audience())
                    .claim("client_id", claims.clientId())
                    .claim("scope", Scope.format(claims.scopes()))
                    .claim("grant_id", claims.grantId())
                    .jwtID(claims.tokenId())
                    .issueTime(Date.from(claims.issuedAt()))
                    .expirationTime(Date.from(claims.expiresAt()))
                    .build();
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(TYPE)
                    .keyID(ring.signingKid())
                    .build();
            SignedJWT jwt = new SignedJWT(header, set);
            try {
                jwt.sign(ring.signer());
            } catch (JOSEException e) {
                throw new IllegalStateException("Could not sign an access token", e);
            }
            return jwt.serialize();
        });
    }

    /**
     * The claims of a token that this server signed for this issuer and one of these audiences and
     * that has not expired; empty for any other token.
     */
    public Mono<AccessTokenClaims> verify(String token, String issuer, Collection<String> audiences) {
        return keys.ring().flatMap(ring -> Mono.justOrEmpty(verify(ring, token, issuer, audiences)));
    }

    private Optional<AccessTokenClaims> verify(
            KeyRing ring, String token, String issuer, Collection<String> audiences) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            JWSVerifier verifier = ring.verifier(header.getKeyID());
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())
                    || !TYPE.equals(header.getType())
                    || verifier == null
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            claimsVerifier(issuer, audiences).verify(set, null);
            List<String> audience = set.getAudience();
            if (audience.size() != 1) {
                // nimbus accepts a token naming any accepted audience; ours name exactly one
                return Optional.empty();
            }
            return Optional.of(new AccessTokenClaims(
                    set.getIssuer(),
                    set.getSubject(),
                    audience.get(0),
                    set.getStringClaim("client_id"),
                    Scope.parse(set.getStringClaim("scope")),
                    set.getStringClaim("grant_id"),
                    set.getJWTID(),
                    set.getIssueTime().toInstant(),
                    set.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | BadJWTException | RuntimeException malformed) {
            // the token is the caller's text: whatever nimbus makes of a malformed one, it is not a valid token
            return Optional.empty();
        }
    }
}
