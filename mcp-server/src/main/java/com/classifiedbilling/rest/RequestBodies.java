package com.classifiedbilling.rest;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading a request body whole, up to a size, without holding on to pooled buffers. */
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

    /**
     * Reads and drops what is left of a request body (up to {@code maxBytes}). Do this before answering
     * a request early: a server that answers before the body is in closes the keep-alive connection,
     * which a client may be about to reuse.
     */
    public static Mono<Void> discard(Flux<DataBuffer> body, int maxBytes) {
        return DataBufferUtils.join(body, maxBytes)
                .doOnNext(DataBufferUtils::release)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.empty())
                .then();
    }
}
