package com.classifiedbilling.auth.apikey;

import com.classifiedbilling.auth.principal.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What is known of an API key, without the key itself.
 *
 * @param displayPrefix the first characters of the key, e.g. {@code cb_live_xK9m}
 * @param scopes what the key may do: read only, or read and write
 * @param lastUsedAt when it last authenticated a request (to the minute), or {@code null}
 * @param revokedAt when it was revoked, or {@code null} while it works
 */
public record ApiKey(
        String id,
        String userId,
        String name,
        String displayPrefix,
        Set<Scope> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        Objects.requireNonNull(createdAt, "createdAt");
        scopes = Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
