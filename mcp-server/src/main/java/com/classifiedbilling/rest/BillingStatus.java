package com.classifiedbilling.rest;

import com.classifiedbilling.billing.BillingException;
import org.springframework.http.HttpStatus;

/** The HTTP status for each kind of billing failure, as the API page's error table gives them. */
final class BillingStatus {

    private BillingStatus() {}

    static HttpStatus of(BillingException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }
}
