package com.classifiedbilling.door;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Where every request is recognised, first of all: its path must be canonical ({@link
 * CanonicalPaths}; else 400), and the door it names goes on the exchange as a {@link
 * RecognisedRequest}, which every later check reads.
 */
@Component
@Order(FilterOrder.RECOGNISE_PATH)
final class FrontDoorFilter implements WebFilter {

    static final String NOT_CANONICAL = "The request path must be written plainly: without percent-escapes, ';' "
            + "parameters, empty, '.' or '..' segments, or a trailing '/'.";

    private final EarlyAnswers answers;

    FrontDoorFilter(EarlyAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!CanonicalPaths.isCanonical(path)) {
            Door intended = CanonicalPaths.intendedDoor(exchange.getRequest().getPath());
            RecognisedRequest.at(intended).putOn(exchange);
            String message = intended == null ? NOT_CANONICAL : NOT_CANONICAL + " Use " + intended.path() + ".";
            return answers.refuse(exchange, HttpStatus.BAD_REQUEST, message);
        }
        RecognisedRequest.at(Door.at(path)).putOn(exchange);
        return chain.filter(exchange);
    }
}
