package com.classifiedbilling.tool;

import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.billing.IdempotencyRepository;
import com.classifiedbilling.billing.IdempotencyRepository.IdempotencyKey;
import com.classifiedbilling.billing.Transactions;
import com.classifiedbilling.billing.WorkspaceService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a write tool safe to retry when the caller sends an {@code idempotency_key}: the first call
 * claims the key and stores its answer in the same transaction as the write; a retry with the same
 * key and input gets that answer back and writes nothing; the same key with other input is refused.
 * Concurrent calls with one key are serialised by the database: exactly one of them writes.
 */
@Component
final class IdempotentWrites {

    /** How long an answer is kept for retries. */
    static final Duration RETENTION = Duration.ofHours(24);

    private final IdempotencyRepository records;

    private final WorkspaceService workspaces;

    private final Transactions transactions;

    private final JsonMapper json;

    private final Clock clock;

    IdempotentWrites(
            IdempotencyRepository records,
            WorkspaceService workspaces,
            Transactions transactions,
            JsonMapper json,
            Clock clock) {
        this.records = records;
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code write} at most once per key.
     *
     * @param key the caller's idempotency key, or {@code null} to simply run the write
     * @param input the tool's whole input, whose hash tells a retry from a reuse of the key
     */
    <R> Mono<R> run(
            ToolCall call,
            String action,
            String workspaceId,
            String key,
            Object input,
            Class<R> resultType,
            Supplier<Mono<R>> write) {
        if (key == null) {
            return write.get();
        }
        IdempotencyKey id = new IdempotencyKey(workspaceId, call.userId(), action, key);
        String hash = sha256(json.writeValueAsString(input));
        Instant now = clock.instant();
        return workspaces
                .requireAccessible(call.userId(), workspaceId)
                .then(transactions.inTransaction(() -> records.claim(id, hash, now, now.plus(RETENTION))
                        .flatMap(claimed -> claimed
                                ? write.get()
                                        .flatMap(result -> records.complete(id, json.writeValueAsString(result))
                                                .thenReturn(result))
                                : Mono.error(new KeyTaken()))))
                .onErrorResume(KeyTaken.class, taken -> replay(id, hash, resultType));
    }

    private <R> Mono<R> replay(IdempotencyKey id, String hash, Class<R> resultType) {
        return records.find(id).switchIfEmpty(Mono.error(() -> inProgress())).flatMap(stored -> {
            if (!stored.requestHash().equals(hash)) {
                return Mono.error(new BillingException(
                        BillingException.Kind.CONFLICT,
                        "This idempotency_key was used before with different input; use a new key for a new request."));
            }
            if (stored.response().isEmpty()) {
                return Mono.error(inProgress());
            }
            return Mono.just(json.readValue(stored.response(), resultType));
        });
    }

    private static BillingException inProgress() {
        return new BillingException(
                BillingException.Kind.CONFLICT,
                "A call with this idempotency_key is still being processed; retry in a moment.");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The key was claimed by an earlier call; its answer is to be replayed. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }
}
