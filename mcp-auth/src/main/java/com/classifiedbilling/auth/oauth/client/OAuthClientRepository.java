package com.classifiedbilling.auth.oauth.client;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where registered clients are kept. */
public interface OAuthClientRepository {

    Mono<Void> insert(OAuthClient client);

    /** The client, unless it is unknown or its unused registration has expired. */
    Mono<OAuthClient> findLive(String clientId, Instant now);

    /** Marks a client as approved by a user, so that it no longer expires unused. */
    Mono<Void> markApproved(String clientId);

    /** Forgets registrations that expired unused; answers how many. */
    Mono<Long> deleteExpired(Instant now);
}
