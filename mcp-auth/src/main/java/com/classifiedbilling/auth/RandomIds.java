package com.classifiedbilling.auth;

import java.security.SecureRandom;

/**
 * Identifiers like {@code usr_8f3kq9x2m4t7v1c6b5n0}: a short prefix naming the kind of thing and
 * 20 random lower-case base-32 characters (100 bits), so that ids can be made on any instance
 * without asking the database.
 */
public final class RandomIds {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private static final int LENGTH = 20;

    private final SecureRandom random;

    public RandomIds(SecureRandom random) {
        this.random = random;
    }

    public String next(String prefix) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(chars);
    }
}
