package com.classifiedbilling.auth.oauth.client;

import com.classifiedbilling.auth.RandomIds;
import com.classifiedbilling.auth.Sha256;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.OAuthProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Registers clients and tells them apart: lookups for the consent page, authentication for the token endpoint. */
@Service
public final class ClientService {

    private final OAuthClientRepository clients;

    private final OAuthProperties properties;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    private final RandomIds ids = new RandomIds(random);

    private final ClientMetadataDocuments documents;

    ClientService(
            OAuthClientRepository clients, ClientMetadataDocuments documents, OAuthProperties properties, Clock clock) {
        this.clients = clients;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    /** A newly registered client and, for a confidential one, its secret, shown only here. */
    public record Registered(OAuthClient client, String secret) {

        @Override
        public String toString() {
            return "Registered[" + client.id() + "]";
        }
    }

    /** Registers a client (<a href="https://www.rfc-editor.org/rfc/rfc7591#section-3">RFC 7591 §3</a>). */
    public Mono<Registered> register(ClientRegistrationRequest request) {
        Instant now = clock.instant();
        String id = ids.next("cli");
        String secret = request.authMethod() == ClientAuthMethod.NONE ? null : Sha256.newSecret(random, "cb_cs_");
        OAuthClient client = new OAuthClient(
                id,
                request.clientName() == null ? "Unnamed app" : request.clientName(),
                request.redirectUris(),
                request.authMethod(),
                secret == null ? null : Sha256.hex(secret),
                request.grantTypes(),
                now,
                now.plus(properties.unusedClientTtl()),
                request.applicationType(),
                null);
        // registrations are made without a credential: forget the ones that expired unused as new ones come
        return clients.deleteExpired(now).then(clients.insert(client)).thenReturn(new Registered(client, secret));
    }

    /**
     * The client with this id, or empty when there is none (or it expired unused). A {@code
     * client_id} that is an https URL names a client metadata document, fetched when no instance
     * holds it fresh; one that cannot be used fails with a {@link ClientMetadataException} saying why.
     */
    public Mono<OAuthClient> find(String clientId) {
        if (ClientIdUrls.isUrl(clientId)) {
            return documents.client(clientId);
        }
        if (clientId == null || clientId.length() > 40) {
            return Mono.empty();
        }
        return clients.findLive(clientId, clock.instant());
    }

    /** Marks a client as approved, so that its registration no longer expires. */
    public Mono<Void> markApproved(String clientId) {
        return clients.markApproved(clientId);
    }

    /**
     * Authenticates the client of a token or revocation request
     * (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2.1">RFC 6749 §3.2.1</a>). Answers
     * empty when the request names no client (the API page's flow); fails with {@code
     * invalid_client} for an unknown client or a missing or wrong secret.
     */
    public Mono<Optional<OAuthClient>> authenticate(ClientCredentials credentials) {
        if (credentials.clientId() == null) {
            if (credentials.secret() != null) {
                return Mono.error(OAuthException.invalidClient("client_secret was sent without client_id."));
            }
            return Mono.just(Optional.empty());
        }
        return find(credentials.clientId())
                .onErrorMap(
                        ClientMetadataException.class,
                        e -> OAuthException.invalidClient(
                                "The client metadata document cannot be used: " + e.getMessage()))
                .switchIfEmpty(Mono.error(() -> OAuthException.invalidClient("Unknown client_id.")))
                .flatMap(client -> {
                    if (client.confidential()
                            && (credentials.secret() == null
                                    || !Sha256.same(client.secretHash(), Sha256.hex(credentials.secret())))) {
                        return Mono.error(OAuthException.invalidClient("Client authentication failed."));
                    }
                    return Mono.just(Optional.of(client));
                });
    }
}
