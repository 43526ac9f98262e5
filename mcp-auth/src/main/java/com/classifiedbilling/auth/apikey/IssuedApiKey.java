package com.classifiedbilling.auth.apikey;

/**
 * A key just made: the only moment its raw value exists. Show it to its owner once, then drop it.
 * {@link #toString()} leaves the secret out so that it cannot slip into a log.
 */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", secret=" + key.displayPrefix() + "…]";
    }
}
