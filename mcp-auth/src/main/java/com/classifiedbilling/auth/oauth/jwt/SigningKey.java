package com.classifiedbilling.auth.oauth.jwt;

import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A key pair that signs access tokens.
 *
 * @param kid its key id, in every token it signs and in the JWKS
 * @param generation its place in the rotation; the newest active generation signs
 * @param jwk the key pair (ES256, P-256)
 * @param activeFrom from when it signs; before that it is only published, so that every instance
 *     knows it before any token signed with it arrives
 * @param retiredAt when it stopped verifying, or {@code null}
 */
record SigningKey(String kid, int generation, ECKey jwk, Instant activeFrom, Instant retiredAt) {

    SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(activeFrom, "activeFrom");
    }
}
