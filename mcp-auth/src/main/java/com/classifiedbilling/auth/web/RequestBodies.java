package com.classifiedbilling.auth.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading a request body whole, up to a size, without holding on to pooled buffers; and handing it
 * on to the next reader after a filter has looked at it.
 */
public final class RequestBodies {

    private RequestBodies() {}

    /**
     * The body's bytes (empty for no body); fails with
     * {@link org.springframework.core.io.buffer.DataBufferLimitException} past {@code maxBytes}.
     */
    public static Mono<byte[]> read(Flux<DataBuffer> body, int maxBytes) {
        return DataBufferUtils.join(body, maxBytes)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0]);
    }

    /** The most of a refused request's body that is read (and dropped) before answering. */
    public static final int MAX_UNREAD_BODY = 1024 * 1024;

    /**
     * Reads and drops what is left of a request body (up to {@link #MAX_UNREAD_BODY}). Do this before
     * answering a request early: a server that answers before the body is in closes the keep-alive
     * connection, which a client may be about to reuse. Never fails: a body that is too large, already
     * read or cut off does not stop the answer.
     */
    public static Mono<Void> discard(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), MAX_UNREAD_BODY)
                .doOnNext(DataBufferUtils::release)
                .onErrorComplete()
                .then();
    }

    /** The exchange with its body replaced by these bytes, which were read from it. */
    public static ServerWebExchange replayed(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return exchange.mutate().request(request).build();
    }
}
