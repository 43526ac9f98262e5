package com.classifiedbilling.auth.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one way to answer a request early, before or instead of its handler: 401, 403, 404, 413, 429,
 * 503. It reads and drops what is left of the body (so that the keep-alive connection stays
 * usable) and writes the error in the shape of the door the request came to. The server that
 * mounts this module provides it, since only it knows its doors.
 */
public interface Refusals {

    /**
     * Refuses the request with this status and a message for the caller. Headers set on the
     * response before (a challenge, {@code Retry-After}) are kept.
     */
    Mono<Void> refuse(ServerWebExchange exchange, HttpStatusCode status, String message);

    /**
     * Refuses a request to an OAuth endpoint with an OAuth error
     * (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>): {@code
     * {"error", "error_description"}}.
     */
    Mono<Void> refuseOAuth(ServerWebExchange exchange, HttpStatusCode status, String error, String description);
}
