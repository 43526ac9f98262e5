package com.classifiedbilling.auth.oauth.grant;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where grants, authorization codes and refresh tokens are kept. Secrets only as SHA-256. */
public interface GrantRepository {

    /** Saves a grant together with its first authorization code. */
    Mono<Void> insert(Grant grant, String codeHash, String codeChallenge, Instant codeExpiresAt);

    /**
     * Marks a code used, if no one used it before. Answers what was redeemed; for a code already
     * used, a {@link CodeRedemption.Replayed}; empty for an unknown code.
     */
    Mono<CodeRedemption> redeemCode(String codeHash, Instant now);

    /** The outcome of redeeming a code. */
    sealed interface CodeRedemption {

        /** The first redemption: the grant, and what the code was bound to. */
        record Redeemed(Grant grant, String codeChallenge, Instant expiresAt) implements CodeRedemption {}

        /** The code was redeemed before. */
        record Replayed(String grantId) implements CodeRedemption {}
    }

    Mono<Void> insertRefreshToken(String tokenHash, String grantId, Instant createdAt, Instant expiresAt);

    /** A refresh token with its grant, whatever its state; empty when unknown. */
    Mono<RefreshToken> findRefreshToken(String tokenHash);

    /** A refresh token as stored. */
    record RefreshToken(
            String tokenHash,
            Grant grant,
            Instant expiresAt,
            Instant rotatedAt,
            String replacedBy,
            Instant grantRevokedAt) {}

    /** Marks a refresh token rotated (replaced by another), if it was not already. Answers whether it was. */
    Mono<Boolean> rotate(String tokenHash, String replacedBy, Instant now);

    /** A grant, revoked or not; empty when unknown. */
    Mono<Grant> findGrant(String grantId);

    /** Revokes a grant; answers whether it was live. */
    Mono<Boolean> revoke(String grantId, Instant now);

    /** The owner of a live grant: not revoked, approved with a key that is not revoked. */
    Mono<GrantOwner> findLiveOwner(String grantId);
}
