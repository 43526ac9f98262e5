package com.classifiedbilling.rest;

import org.springframework.core.io.buffer.DataBuffer;
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
}
