package com.classifiedbilling.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How secrets are kept: only their SHA-256, as lower-case hex, and compared in time that does not
 * depend on where two values differ. Used for API keys, client secrets, codes and refresh tokens.
 */
public final class Sha256 {

    private Sha256() {}

    /** Lower-case hex SHA-256 of the UTF-8 text. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of the bytes. */
    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Compares two ASCII values (hashes, challenges) in constant time. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new secret: 32 random bytes (256 bits) as 43 URL-safe characters, after a prefix. */
    public static String newSecret(SecureRandom random, String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
