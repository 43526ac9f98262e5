package com.classifiedbilling.auth.oauth.jwt;

import com.classifiedbilling.auth.RandomIds;
import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The signing keys every instance shares through the database. The first instance to start on an
 * empty table makes the first key (the table's unique generation lets exactly one of several
 * starting instances win). Each instance reloads the keys every {@link OAuthProperties#keyRefresh()}
 * in the background, keeping the ring it has while the database is away. A rotated-in key starts
 * signing only after two reload periods, so every instance publishes and trusts it first.
 */
@Component
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyRepository keys;

    private final Clock clock;

    private final Duration refresh;

    private final RandomIds ids = new RandomIds(new SecureRandom());

    private final AtomicReference<KeyRing> ring = new AtomicReference<>();

    private final AtomicBoolean reloading = new AtomicBoolean();

    /** The first load, shared by every request that arrives before it ends. */
    private final Mono<KeyRing> firstLoad;

    SigningKeys(SigningKeyRepository keys, OAuthProperties properties, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.refresh = properties.keyRefresh();
        this.firstLoad = load().cache(loaded -> Duration.ofDays(3650), failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** The keys as known now; loads them on first use, and refreshes them in the background when stale. */
    Mono<KeyRing> ring() {
        KeyRing current = ring.get();
        if (current == null) {
            return firstLoad;
        }
        if (current.loadedAt().plus(refresh).isBefore(clock.instant()) && reloading.compareAndSet(false, true)) {
            load().doFinally(signal -> reloading.set(false))
                    .subscribe(
                            null,
                            e -> log.warn(
                                    "Could not reload the signing keys; keeping the ones known: {}", e.toString()));
        }
        return Mono.just(current);
    }

    /** The public keys as a JWKS document (RFC 7517 §5). */
    public Mono<Map<String, Object>> publicJwks() {
        return ring().map(KeyRing::publicJwks);
    }

    /**
     * Adds a new key that starts signing after two reload periods, when every instance knows it.
     * Older keys keep verifying the tokens they signed. Answers the new key id.
     */
    public Mono<String> rotate() {
        return keys.findUnretired()
                .map(SigningKey::generation)
                .reduce(0, Math::max)
                .flatMap(generation -> insert(generation + 1, clock.instant().plus(refresh.multipliedBy(2))))
                .flatMap(kid -> load().thenReturn(kid));
    }

    private Mono<KeyRing> load() {
        return keys.findUnretired()
                .collectList()
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return insert(1, clock.instant())
                                .onErrorResume(DataIntegrityViolationException.class, raced -> Mono.empty())
                                .then(keys.findUnretired().collectList());
                    }
                    return Mono.just(found);
                })
                .flatMap(found -> Mono.justOrEmpty(KeyRing.of(found, clock.instant())))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No signing key is active")))
                .doOnNext(loaded -> {
                    ring.set(loaded);
                    log.debug("Signing keys loaded; signing with {}", loaded.signingKid());
                });
    }

    private Mono<String> insert(int generation, Instant activeFrom) {
        String kid = ids.next("key" + generation);
        ECKey jwk;
        try {
            jwk = new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            return Mono.error(new IllegalStateException("Could not make an EC key", e));
        }
        return keys.insert(new SigningKey(kid, generation, jwk, activeFrom, null), clock.instant())
                .thenReturn(kid);
    }
}
