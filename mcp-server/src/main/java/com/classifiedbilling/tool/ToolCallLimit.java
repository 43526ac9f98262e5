package com.classifiedbilling.tool;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import reactor.core.publisher.Mono;

/**
 * The caller's plan limit as the registry sees it: defence in depth for a call that reaches the
 * registry without an {@link Admission} from the door it came through.
 */
public interface ToolCallLimit {

    /**
     * Counts one call of this caller; fails with a {@link com.classifiedbilling.billing.BillingException}
     * of kind {@code RATE_LIMITED} when the plan's limit is used up.
     */
    Mono<Void> count(BillingPrincipal principal);
}
