package com.classifiedbilling.auth.apikey;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of API keys: only their hashes, never the keys. */
public interface ApiKeyRepository {

    Mono<Void> insert(ApiKey key, String keyHash);

    /** The keys of a user, newest first, revoked ones included. */
    Flux<ApiKey> findByUser(String userId);

    /** The unrevoked key with this hash and its owner, or empty. */
    Mono<ApiKeyOwner> findLiveOwner(String keyHash);

    /** Revokes a key; emits the revoked key's hash, or empty when there is no such live key. */
    Mono<String> revoke(String keyId, Instant at);

    /** Records that a key was used. */
    Mono<Void> touch(String keyId, Instant at);
}
