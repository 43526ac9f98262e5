package com.classifiedbilling.auth.apikey;

import com.classifiedbilling.auth.Sha256;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Making, recognising and hashing raw API keys. The raw key never leaves the caller's hands. */
public final class ApiKeySecrets {

    public static final String PREFIX = "cb_live_";

    /** How many characters of a key are kept to tell keys apart, e.g. {@code cb_live_xK9m}. */
    static final int DISPLAY_LENGTH = PREFIX.length() + 4;

    private static final Pattern SHAPE = Pattern.compile("^cb_live_[A-Za-z0-9_-]{32,128}$");

    private final SecureRandom random;

    public ApiKeySecrets(SecureRandom random) {
        this.random = random;
    }

    /** A new raw key. */
    public String generate() {
        return Sha256.newSecret(random, PREFIX);
    }

    /** Whether a bearer token is meant to be an API key (rather than an OAuth token). */
    public static boolean isApiKey(String token) {
        return token.startsWith(PREFIX);
    }

    /** Whether a token has the shape of a key this server could have issued. */
    public static boolean wellFormed(String token) {
        return SHAPE.matcher(token).matches();
    }

    /** Lower-case hex SHA-256 of the key: what the database keeps. */
    public static String hash(String rawKey) {
        return Sha256.hex(rawKey);
    }

    /** Compares two hashes in time that does not depend on where they differ. */
    static boolean sameHash(String a, String b) {
        return Sha256.same(a, b);
    }

    static String displayPrefix(String rawKey) {
        return rawKey.substring(0, DISPLAY_LENGTH);
    }
}
