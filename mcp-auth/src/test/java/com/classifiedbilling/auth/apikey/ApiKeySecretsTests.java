package com.classifiedbilling.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretsTests {

    private final ApiKeySecrets secrets = new ApiKeySecrets(new SecureRandom());

    @Test
    void shouldStartWithLivePrefixAndCarry32RandomBytes() {
        String key = secrets.generate();

        assertThat(key).startsWith("cb_live_");
        byte[] body = Base64.getUrlDecoder().decode(key.substring("cb_live_".length()));
        assertThat(body).hasSize(32);
        assertThat(ApiKeySecrets.wellFormed(key)).isTrue();
    }

    @Test
    void shouldNeverRepeatAKey() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(secrets.generate());
        }
        assertThat(keys).hasSize(10_000);
    }

    @Test
    void shouldHashWithSha256AsLowerCaseHex() throws Exception {
        String key = secrets.generate();
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));

        assertThat(ApiKeySecrets.hash(key)).isEqualTo(expected).hasSize(64).isLowerCase();
    }

    @Test
    void whenTokenHasWrongShapeThenNotWellFormed() {
        assertThat(ApiKeySecrets.wellFormed("cb_live_short")).isFalse();
        assertThat(ApiKeySecrets.wellFormed("cb_test_" + "a".repeat(43))).isFalse();
        assertThat(ApiKeySecrets.wellFormed("cb_live_" + "a".repeat(42) + "!")).isFalse();
        assertThat(ApiKeySecrets.wellFormed("cb_live_" + "a".repeat(200))).isFalse();
    }

    @Test
    void shouldKeepOnlyAShortDisplayPrefix() {
        String key = secrets.generate();

        assertThat(ApiKeySecrets.displayPrefix(key)).isEqualTo(key.substring(0, 12));
    }

    @Test
    void shouldCompareHashesByContent() {
        String hash = ApiKeySecrets.hash("cb_live_x");
        assertThat(ApiKeySecrets.sameHash(hash, new String(hash.toCharArray()))).isTrue();
        assertThat(ApiKeySecrets.sameHash(hash, ApiKeySecrets.hash("cb_live_y")))
                .isFalse();
    }

    @Test
    void shouldLeaveTheSecretOutOfToString() {
        String key = secrets.generate();
        IssuedApiKey issued = new IssuedApiKey(
                new ApiKey(
                        "key_1",
                        "usr_1",
                        "n",
                        ApiKeySecrets.displayPrefix(key),
                        java.util.Set.of(),
                        java.time.Instant.EPOCH,
                        null,
                        null),
                key);

        assertThat(issued.toString()).doesNotContain(key.substring(12));
    }
}
