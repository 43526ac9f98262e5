package com.classifiedbilling.billing;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Answers already given to writes made with an idempotency key. A key belongs to one user, one
 * workspace and one action; the request's hash tells a true retry from a reuse of the key.
 */
public interface IdempotencyRepository {

    /**
     * Claims a key inside the caller's transaction, so that a concurrent claim of the same key waits
     * for it and then fails. Emits {@code false} when the key was taken already.
     */
    Mono<Boolean> claim(IdempotencyKey key, String requestHash, Instant now, Instant expiresAt);

    /** Stores the answer for a claimed key, in the same transaction as the write. */
    Mono<Void> complete(IdempotencyKey key, String response);

    /** The stored request hash and answer for a key, or empty. */
    Mono<StoredAnswer> find(IdempotencyKey key);

    /** Whose key it is and for what. */
    record IdempotencyKey(String workspaceId, String userId, String action, String key) {}

    /** What a first call stored: its request's hash and its answer (empty while it runs). */
    record StoredAnswer(String requestHash, String response) {}
}
