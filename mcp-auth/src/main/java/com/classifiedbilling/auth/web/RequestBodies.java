package com.classifiedbilling.auth.web;

import java.io.ByteArrayOutputStream;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading a request body whole, up to a size, without holding on to pooled buffers; and dropping
 * what is left of one that is refused.
 */
public final class RequestBodies {

    private RequestBodies() {}

    /**
     * The body's bytes (empty for no body); fails with {@link DataBufferLimitException} past {@code
     * maxBytes}. A body over the limit is still read to its end (and dropped), up to {@link
     * #MAX_UNREAD_BODY} more, so that the refusal reaches a client still sending rather than a
     * reset connection; past that the connection is given up.
     */
    public static Mono<byte[]> read(Flux<DataBuffer> body, int maxBytes) {
        return Mono.defer(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            long[] seen = {0};
            return body.doOnNext(buffer -> {
                        try {
                            int length = buffer.readableByteCount();
                            seen[0] += length;
                            if (seen[0] > (long) maxBytes + MAX_UNREAD_BODY) {
                                throw new DataBufferLimitException("Body larger than " + maxBytes + " bytes");
                            }
                            if (seen[0] <= maxBytes) {
                                byte[] chunk = new byte[length];
                                buffer.read(chunk);
                                kept.writeBytes(chunk);
                            }
                        } finally {
                            DataBufferUtils.release(buffer);
                        }
                    })
                    .then(Mono.fromCallable(() -> {
                        if (seen[0] > maxBytes) {
                            throw new DataBufferLimitException("Body larger than " + maxBytes + " bytes");
                        }
                        return kept.toByteArray();
                    }));
        });
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
}
