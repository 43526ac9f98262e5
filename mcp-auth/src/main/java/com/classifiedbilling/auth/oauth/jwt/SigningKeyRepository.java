package com.classifiedbilling.auth.oauth.jwt;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where the signing keys are kept, shared by every instance. */
interface SigningKeyRepository {

    /** Every key not retired. */
    Flux<SigningKey> findUnretired();

    /**
     * Adds a key. Fails with {@link org.springframework.dao.DataIntegrityViolationException} when
     * another instance added a key of the same generation first.
     */
    Mono<Void> insert(SigningKey key, Instant createdAt);
}
