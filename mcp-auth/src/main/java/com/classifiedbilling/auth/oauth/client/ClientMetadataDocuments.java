package com.classifiedbilling.auth.oauth.client;

import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.OAuthProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients known by their metadata document (draft-ietf-oauth-client-id-metadata-document): a
 * {@code client_id} that is the document's https URL. The document is fetched when no instance has
 * it fresh, checked (its {@code client_id} is its URL, its redirect URIs follow the registration
 * rules), and kept for as long as its cache headers say, between a floor and a ceiling. What was
 * fetched, accepted or refused, is kept in the database, so every instance answers alike: none
 * accepts a document another has refused, and none fetches a document another holds fresh.
 */
@Component
final class ClientMetadataDocuments {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final OAuthClientRepository clients;

    private final ClientMetadataFetcher fetcher;

    private final ClientMetadataProperties properties;

    private final Duration unusedClientTtl;

    private final Clock clock;

    ClientMetadataDocuments(
            OAuthClientRepository clients,
            ClientMetadataFetcher fetcher,
            ClientMetadataProperties properties,
            OAuthProperties oauth,
            Clock clock) {
        this.clients = clients;
        this.fetcher = fetcher;
        this.properties = properties;
        this.unusedClientTtl = oauth.unusedClientTtl();
        this.clock = clock;
    }

    /** The client whose {@code client_id} is this URL, or a {@link ClientMetadataException} saying why not. */
    Mono<OAuthClient> client(String url) {
        String problem = ClientIdUrls.problem(url);
        if (problem != null) {
            return Mono.error(ClientMetadataException.refused(problem));
        }
        Instant now = clock.instant();
        return clients.findDocument(url)
                .filter(known -> known.expiresAt().isAfter(now) && (known.problem() != null || known.client() != null))
                .flatMap(fresh -> fresh.problem() == null
                        ? Mono.just(fresh.client())
                        : Mono.error(ClientMetadataException.refused(fresh.problem())))
                .switchIfEmpty(Mono.defer(() -> refetch(url, now)));
    }

    private Mono<OAuthClient> refetch(String url, Instant now) {
        return fetcher.fetch(url)
                .map(fetched -> accepted(url, fetched, now))
                .flatMap(accepted -> clients.saveDocumentClient(accepted.client(), now, accepted.expiresAt())
                        .thenReturn(accepted.client()))
                .onErrorResume(
                        ClientMetadataException.class,
                        refused -> clients.saveDocumentProblem(
                                        url,
                                        refused.getMessage(),
                                        now,
                                        now.plus(
                                                refused.unreachable()
                                                        ? properties.failureRetry()
                                                        : properties.cacheFloor()))
                                .then(Mono.error(refused)));
    }

    private record Accepted(OAuthClient client, Instant expiresAt) {}

    private Accepted accepted(String url, ClientMetadataFetcher.Fetched fetched, Instant now) {
        JsonNode document;
        try {
            document = STRICT.readTree(fetched.body());
        } catch (RuntimeException notJson) {
            throw ClientMetadataException.refused("The client metadata document is not valid JSON.");
        }
        ClientRegistrationRequest metadata;
        try {
            metadata = ClientRegistrationRequest.fromDocument(document, url);
        } catch (OAuthException invalid) {
            throw ClientMetadataException.refused(invalid.description());
        }
        Duration keep = fetched.maxAge();
        if (keep.compareTo(properties.cacheFloor()) < 0) {
            keep = properties.cacheFloor();
        }
        if (keep.compareTo(properties.cacheCeiling()) > 0) {
            keep = properties.cacheCeiling();
        }
        OAuthClient client = new OAuthClient(
                url,
                metadata.clientName(),
                metadata.redirectUris(),
                ClientAuthMethod.NONE,
                null,
                metadata.grantTypes(),
                now,
                now.plus(unusedClientTtl),
                metadata.applicationType(),
                ClientIdUrls.host(url));
        return new Accepted(client, now.plus(keep));
    }
}
