package com.classifiedbilling.auth.apikey;

import com.classifiedbilling.auth.RandomIds;
import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.auth.user.AccountException;
import com.classifiedbilling.auth.user.UserService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Issues, lists and revokes API keys. */
@Service
public final class ApiKeyService {

    private static final int MAX_NAME = 100;

    private final ApiKeyRepository keys;

    private final UserService users;

    private final ApiKeyAuthenticator authenticator;

    private final Clock clock;

    private final ApiKeySecrets secrets;

    private final RandomIds ids;

    ApiKeyService(ApiKeyRepository keys, UserService users, ApiKeyAuthenticator authenticator, Clock clock) {
        SecureRandom random = new SecureRandom();
        this.keys = keys;
        this.users = users;
        this.authenticator = authenticator;
        this.clock = clock;
        this.secrets = new ApiKeySecrets(random);
        this.ids = new RandomIds(random);
    }

    /** Makes a new key with full access (read and write). */
    public Mono<IssuedApiKey> issue(String email, String name) {
        return issue(email, name, EnumSet.allOf(Scope.class));
    }

    /**
     * Makes a new key for the user with this email. The result is the only place the key appears.
     *
     * @param scopes what the key may do; it must include {@link Scope#READ}
     */
    public Mono<IssuedApiKey> issue(String email, String name, Set<Scope> scopes) {
        if (!scopes.contains(Scope.READ)) {
            return Mono.error(new AccountException("A key must at least be able to read."));
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            return Mono.error(new AccountException("Key name must be 1 to " + MAX_NAME + " characters."));
        }
        return users.require(email).flatMap(user -> {
            String secret = secrets.generate();
            ApiKey key = new ApiKey(
                    ids.next("key"),
                    user.id(),
                    name.strip(),
                    ApiKeySecrets.displayPrefix(secret),
                    scopes,
                    clock.instant(),
                    null,
                    null);
            return keys.insert(key, ApiKeySecrets.hash(secret)).thenReturn(new IssuedApiKey(key, secret));
        });
    }

    /** The keys of the user with this email, newest first. */
    public Flux<ApiKey> list(String email) {
        return users.require(email).flatMapMany(user -> keys.findByUser(user.id()));
    }

    /**
     * Revokes a key. It stops working at once on this instance, and on other instances within
     * {@link ApiKeyProperties#cacheTtl()}.
     */
    public Mono<Void> revoke(String keyId) {
        return keys.revoke(keyId, clock.instant())
                .switchIfEmpty(Mono.error(() -> new AccountException("No active API key with id " + keyId + ".")))
                .doOnNext(authenticator::evict)
                .then();
    }
}
