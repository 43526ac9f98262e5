package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.oauth.GrantType;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The token endpoint's counters: {@code billing.oauth.tokens} by grant type ({@code
 * authorization_code} is a new grant, {@code refresh_token} a refresh, {@code unknown} a request
 * whose grant type could not be read) and outcome ({@code issued}, {@code refused}), and {@code
 * billing.oauth.revocations} by outcome.
 */
@Component
final class TokenMetrics {

    static final String TOKENS = "billing.oauth.tokens";

    static final String REVOCATIONS = "billing.oauth.revocations";

    private final MeterRegistry meters;

    TokenMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void tokens(GrantType grant, boolean issued) {
        meters.counter(TOKENS, "grant_type", grant == null ? "unknown" : grant.value(), "outcome", outcome(issued))
                .increment();
    }

    void revocation(boolean revoked) {
        meters.counter(REVOCATIONS, "outcome", revoked ? "revoked" : "refused").increment();
    }

    private static String outcome(boolean issued) {
        return issued ? "issued" : "refused";
    }
}
