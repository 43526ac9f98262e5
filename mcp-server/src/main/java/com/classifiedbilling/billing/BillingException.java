package com.classifiedbilling.billing;

import java.util.Objects;

/**
 * A billing request that cannot be answered as asked. The {@link Kind} says what went wrong in
 * terms every door can map (a status code, an MCP error result); the message is written for the
 * caller: what was wrong and how to fix it, never a stack trace, SQL or class name.
 */
public final class BillingException extends RuntimeException {

    /** The caller-facing message for a workspace that does not exist or is not the caller's. */
    public static final String WORKSPACE_NOT_FOUND = "Workspace not found or access denied.";

    /** What kind of failure this is. */
    public enum Kind {
        /** The input is missing something or has a wrong value. */
        INVALID_INPUT,
        /** The thing asked for does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The caller is known but lacks a permission. */
        FORBIDDEN,
        /** The request clashes with what is stored (a duplicate, a reused idempotency key). */
        CONFLICT,
        /** A dependency such as the database is unreachable; retrying later may work. */
        UNAVAILABLE,
        /** The caller's plan allows no more requests for now; retrying after the window works. */
        RATE_LIMITED
    }

    private final Kind kind;

    public BillingException(Kind kind, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    public static BillingException invalidInput(String message) {
        return new BillingException(Kind.INVALID_INPUT, message);
    }

    public static BillingException workspaceNotFound() {
        return new BillingException(Kind.NOT_FOUND, WORKSPACE_NOT_FOUND);
    }

    public static BillingException invoiceNotFound() {
        return new BillingException(Kind.NOT_FOUND, "Invoice not found in this workspace.");
    }
}
