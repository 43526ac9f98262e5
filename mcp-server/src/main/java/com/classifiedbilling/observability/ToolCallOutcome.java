package com.classifiedbilling.observability;

import com.classifiedbilling.billing.BillingException;
import org.springframework.http.HttpStatusCode;

/** How a tool call ended, as its metrics and its log line name it. */
public enum ToolCallOutcome {
    /** The tool answered. */
    OK("ok"),
    /** The tool refused the input or found nothing: the caller's to fix. */
    TOOL_ERROR("tool_error"),
    /** The credential lacks the tool's scope. */
    REFUSED_BY_SCOPE("refused_by_scope"),
    /** The caller's plan allows no more calls for now. */
    RATE_LIMITED("rate_limited"),
    /** The database (or another store) could not be reached in time. */
    UNAVAILABLE("unavailable"),
    /** Something failed that no caller could have caused: a bug to look into. */
    SERVER_ERROR("server_error");

    private final String tag;

    ToolCallOutcome(String tag) {
        this.tag = tag;
    }

    /** The value of the {@code outcome} tag. */
    public String tag() {
        return tag;
    }

    /** The outcome of a call that failed with this billing failure. */
    public static ToolCallOutcome of(BillingException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT, NOT_FOUND, CONFLICT -> TOOL_ERROR;
            case FORBIDDEN -> REFUSED_BY_SCOPE;
            case UNAVAILABLE -> UNAVAILABLE;
            case RATE_LIMITED -> RATE_LIMITED;
        };
    }

    /** The outcome of a call answered with this HTTP status (the JSON door, or an early refusal). */
    static ToolCallOutcome of(HttpStatusCode status) {
        return switch (status.value()) {
            case 403 -> REFUSED_BY_SCOPE;
            case 429 -> RATE_LIMITED;
            case 503, 504 -> UNAVAILABLE;
            default -> status.is2xxSuccessful() ? OK : status.is4xxClientError() ? TOOL_ERROR : SERVER_ERROR;
        };
    }
}
