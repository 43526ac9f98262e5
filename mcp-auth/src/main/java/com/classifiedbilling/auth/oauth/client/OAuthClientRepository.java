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

    /** What is known of a client metadata document: its cache entry and, if it was accepted, its client. */
    record Document(Instant expiresAt, String problem, OAuthClient client) {}

    /** The cache entry of the document at this URL; empty when no instance fetched it yet. */
    Mono<Document> findDocument(String url);

    /**
     * Records an accepted document: its client (made or brought up to date; a person's approval
     * is kept) and its cache entry.
     */
    Mono<Void> saveDocumentClient(OAuthClient client, Instant fetchedAt, Instant expiresAt);

    /** Records a refused or unreachable document; its client, if any, is refused until the entry expires. */
    Mono<Void> saveDocumentProblem(String url, String problem, Instant fetchedAt, Instant expiresAt);
}
