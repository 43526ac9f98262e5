package com.classifiedbilling.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Making, recognising and hashing raw API keys. The raw key never leaves the caller's hands. */
public final class ApiKeySecrets {

    public static final String PREFIX = "cb_live_";

    /** 32 random bytes (256 bits), as the key's URL-safe body of 43 characters. */
    static final int RANDOM_BYTES = 32;

    /** How many characters of a key are kept to tell keys apart, e.g. {@code cb_live_xK9m}. */
    static final int DISPLAY_LENGTH = PREFIX.length() + 4;

    private static final Pattern SHAPE = Pattern.compile("^cb_live_[A-Za-z0-9_-]{32,128}$");

    private final SecureRandom random;

    public ApiKeySecrets(SecureRandom random) {
        this.random = random;
    }

    /** A new raw key. */
    public String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Compares two hashes in time that does not depend on where they differ. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    static String displayPrefix(String rawKey) {
        return rawKey.substring(0, DISPLAY_LENGTH);
    }
}
