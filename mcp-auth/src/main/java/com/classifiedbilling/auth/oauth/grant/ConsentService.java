package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.RandomIds;
import com.classifiedbilling.auth.Sha256;
import com.classifiedbilling.auth.apikey.ApiKeyAuthenticator;
import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.classifiedbilling.auth.oauth.client.ClientService;
import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.principal.Scope;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What happens when a user approves on the consent page: the pasted API key is checked, a grant is
 * made with the scopes that both the request and the key allow, and a single-use code is issued.
 */
@Service
final class ConsentService {

    /** The outcome of an approval. */
    sealed interface Outcome {

        /** Approved: the code to send to the client. */
        record Approved(String code) implements Outcome {

            @Override
            public String toString() {
                return "Approved[code redacted]";
            }
        }

        /** The key was unknown or revoked. */
        record WrongKey() implements Outcome {}

        /** Too many wrong keys came from this address. */
        record Throttled() implements Outcome {}

        /** The key may not do anything the request asked for. */
        record NoScope() implements Outcome {}
    }

    private final ApiKeyAuthenticator apiKeys;

    private final GrantRepository grants;

    private final ClientService clients;

    private final ConsentThrottle throttle;

    private final OAuthProperties properties;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    private final RandomIds ids = new RandomIds(random);

    ConsentService(
            ApiKeyAuthenticator apiKeys,
            GrantRepository grants,
            ClientService clients,
            ConsentThrottle throttle,
            OAuthProperties properties,
            Clock clock) {
        this.apiKeys = apiKeys;
        this.grants = grants;
        this.clients = clients;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Outcome> approve(AuthorizationRequest request, String apiKey, String address) {
        return throttle.tryAttempt(address).flatMap(allowed -> {
            if (!allowed) {
                return Mono.just(new Outcome.Throttled());
            }
            return apiKeys.authenticate(apiKey == null ? "" : apiKey.strip())
                    .flatMap(owner -> throttle.succeeded(address).then(grant(request, owner)))
                    .defaultIfEmpty(new Outcome.WrongKey());
        });
    }

    private Mono<Outcome> grant(AuthorizationRequest request, BillingPrincipal owner) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        scopes.addAll(request.scopes());
        scopes.retainAll(owner.scopes());
        if (scopes.isEmpty()) {
            return Mono.just(new Outcome.NoScope());
        }
        Instant now = clock.instant();
        Grant grant = new Grant(
                ids.next("grt"),
                owner.userId(),
                owner.credentialId(),
                request.clientId(),
                request.redirectUri(),
                scopes,
                request.resource(),
                now);
        String code = Sha256.newSecret(random, "cb_ac_");
        Mono<Void> approved = request.clientId() == null ? Mono.empty() : clients.markApproved(request.clientId());
        return grants.insert(grant, Sha256.hex(code), request.codeChallenge(), now.plus(properties.codeTtl()))
                .then(approved)
                .thenReturn(new Outcome.Approved(code));
    }
}
