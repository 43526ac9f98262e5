package com.classifiedbilling.tool;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.billing.Actor;
import java.util.Objects;

/**
 * Who is calling a tool, whichever door they came through.
 *
 * @param principal the authenticated caller
 * @param admission the call's place under the caller's plan, counted at the door; {@code null}
 *     when the door counted none, and the registry counts the call itself
 */
public record ToolCall(BillingPrincipal principal, Admission admission) {

    public ToolCall {
        Objects.requireNonNull(principal, "principal");
    }

    public String userId() {
        return principal.userId();
    }

    /** The caller as the audit log records it. */
    public Actor actor() {
        return new Actor(principal.userId(), principal.credentialId(), principal.clientId());
    }

    /** Takes this call's admission; {@code false} when it has none or it was used already. */
    boolean admitted() {
        return admission != null && admission.claim();
    }
}
