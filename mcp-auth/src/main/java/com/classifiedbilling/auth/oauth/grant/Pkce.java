package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange with the {@code S256} method only
 * (<a href="https://www.rfc-editor.org/rfc/rfc7636">RFC 7636</a>; OAuth 2.1 drops {@code plain}).
 */
final class Pkce {

    /** §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("^[A-Za-z0-9._~-]{43,128}$");

    /** §4.2: BASE64URL of a SHA-256 digest is 43 characters without padding. */
    private static final Pattern CHALLENGE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private Pkce() {}

    static boolean wellFormedChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    static boolean wellFormedVerifier(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches();
    }

    /** §4.6: whether BASE64URL(SHA256(verifier)) equals the challenge, compared in constant time. */
    static boolean verify(String challenge, String verifier) {
        if (!wellFormedVerifier(verifier) || !wellFormedChallenge(challenge)) {
            return false;
        }
        String computed = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Sha256.digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return Sha256.same(computed, challenge);
    }
}
