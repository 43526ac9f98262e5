package com.classifiedbilling.auth.oauth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys as one instance knows them at one moment: the key that signs now, a verifier
 * for every published key, and the public JWKS.
 */
final class KeyRing {

    private final SigningKey signing;

    private final JWSSigner signer;

    private final Map<String, JWSVerifier> verifiers;

    private final Map<String, Object> publicJwks;

    private final Instant loadedAt;

    private KeyRing(List<SigningKey> keys, Instant now) throws JOSEException {
        this.signing = keys.stream()
                .filter(key -> !key.activeFrom().isAfter(now))
                .max(Comparator.comparingInt(SigningKey::generation))
                .orElseThrow(() -> new IllegalStateException("No signing key is active yet"));
        this.signer = new ECDSASigner(signing.jwk());
        Map<String, JWSVerifier> byKid = new HashMap<>();
        for (SigningKey key : keys) {
            byKid.put(key.kid(), new ECDSAVerifier(key.jwk().toECPublicKey()));
        }
        this.verifiers = Map.copyOf(byKid);
        List<JWK> published =
                keys.stream().map(key -> (JWK) key.jwk().toPublicJWK()).toList();
        this.publicJwks = new JWKSet(published).toJSONObject(true);
        this.loadedAt = now;
    }

    /** The ring of these keys, or empty when none of them is active yet. */
    static Optional<KeyRing> of(List<SigningKey> keys, Instant now) {
        if (keys.stream().noneMatch(key -> !key.activeFrom().isAfter(now))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KeyRing(keys, now));
        } catch (JOSEException e) {
            throw new IllegalStateException("A stored signing key cannot be used", e);
        }
    }

    String signingKid() {
        return signing.kid();
    }

    JWSSigner signer() {
        return signer;
    }

    /** The verifier for a key id, or {@code null} for a key this ring does not know. */
    JWSVerifier verifier(String kid) {
        return kid == null ? null : verifiers.get(kid);
    }

    Map<String, Object> publicJwks() {
        return publicJwks;
    }

    Instant loadedAt() {
        return loadedAt;
    }
}
