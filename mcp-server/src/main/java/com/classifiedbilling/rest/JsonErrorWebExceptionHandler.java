package com.classifiedbilling.rest;

import com.classifiedbilling.auth.oauth.OAuthEndpoints;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.billing.r2dbc.DatabaseFailures;
import com.classifiedbilling.door.EarlyAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every failure that reaches the top becomes an error in the door's shape ({@code {"error": "..."}}
 * outside the MCP doors) with a fitting status and a message for the caller. Internals (stack traces, SQL, class names) go to the log only, tagged
 * with the request id that the caller also gets.
 */
@Component
@Order(-2) // before Spring Boot's own error handler
final class JsonErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorWebExceptionHandler.class);

    private final EarlyAnswers errors;

    JsonErrorWebExceptionHandler(EarlyAnswers errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (failure instanceof BillingException billing) {
            return errors.refuse(exchange, BillingStatus.of(billing.kind()), billing.getMessage());
        }
        if (failure instanceof OAuthException oauth) {
            // a request PublicUrls would not name the issuer for, on any path
            return OAuthEndpoints.isOAuth(exchange)
                    ? errors.refuseOAuth(exchange, oauth.status(), oauth.error(), oauth.description())
                    : errors.refuse(exchange, oauth.status(), oauth.description());
        }
        if (failure instanceof ResponseStatusException status) {
            return errors.refuse(exchange, status.getStatusCode(), messageFor(status.getStatusCode()));
        }
        String requestId = exchange.getRequest().getId();
        if (DatabaseFailures.isUnstorableValue(failure)) {
            log.warn(
                    "Request {} refused: the database cannot store a value it carried (SQLSTATE {})",
                    requestId,
                    DatabaseFailures.sqlState(failure));
            return OAuthEndpoints.isOAuth(exchange)
                    ? errors.refuseOAuth(
                            exchange, HttpStatus.BAD_REQUEST, "invalid_request", DatabaseFailures.UNSTORABLE_VALUE)
                    : errors.refuse(exchange, HttpStatus.BAD_REQUEST, DatabaseFailures.UNSTORABLE_VALUE);
        }
        if (DatabaseFailures.isUnavailable(failure)) {
            log.warn("Request {} failed: database unavailable: {}", requestId, failure.toString());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            return errors.refuse(
                    exchange,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service temporarily unavailable. Try again shortly. (request " + requestId + ")");
        }
        log.error("Request {} failed unexpectedly", requestId, failure);
        return errors.refuse(
                exchange,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected server error. Try again; if it persists, contact support with request id " + requestId
                        + ".");
    }

    private static String messageFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "Not found.";
            case 405 -> "Method not allowed.";
            case 406 -> "Not acceptable: this endpoint answers application/json.";
            case 413 -> "Request body too large.";
            case 415 -> "Unsupported content type: send application/json.";
            default -> status.value() < 500 ? "Bad request." : "Service unavailable.";
        };
    }
}
