package com.classifiedbilling.tool;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.billing.Actor;
import java.util.Objects;

/** Who is calling a tool, whichever door they came through. */
public record ToolCall(BillingPrincipal principal) {

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
}
