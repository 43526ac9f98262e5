package com.classifiedbilling.mcp;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.web.PrincipalAttribute;
import com.classifiedbilling.door.Door;
import com.classifiedbilling.door.EarlyAnswers;
import com.classifiedbilling.door.FilterOrder;
import com.classifiedbilling.door.RecognisedRequest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Makes every HTTP+SSE session belong to the user who opened it. When a request to {@link
 * Door#SSE} announces its session id (the first event on the stream), the id is bound to that
 * user; a message to {@link Door#SSE_MESSAGE} for a session of another user, or one that is gone,
 * gets the same 404.
 * Sessions end with their stream, are closed after {@link McpProperties#sseIdleTimeout()} without
 * a message, and one user may hold at most {@link McpProperties#sseSessionsPerUser()} at once. On
 * shutdown every stream is ended first, so that graceful shutdown is not held up by them.
 * Runs after authentication, so every request here has a principal.
 */
@Component
@Order(FilterOrder.GUARD_SSE_SESSION)
final class SseSessionGuard implements WebFilter, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SseSessionGuard.class);

    private static final Pattern SESSION_ID = Pattern.compile("sessionId=([0-9A-Za-z-]+)");

    /** The response header of {@code GET /sse} that names the session it opened. */
    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private final McpProperties properties;

    private final EarlyAnswers answers;

    private final Clock clock;

    private final Disposable sweeper;

    private volatile boolean running;

    SseSessionGuard(McpProperties properties, EarlyAnswers answers, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.answers = answers;
        this.clock = clock;
        Gauge.builder("billing.sse.sessions", sessions, Map::size)
                .description("SSE sessions open on this instance")
                .register(meters);
        Duration every = properties.sseIdleTimeout().dividedBy(4).compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1)
                : properties.sseIdleTimeout().dividedBy(4);
        this.sweeper = Flux.interval(every).subscribe(tick -> closeIdle());
    }

    /** One open SSE session: whose it is, when it last saw a message, and how to end it. */
    private static final class Session {
        final String userId;
        final Sinks.Empty<Void> close = Sinks.empty();
        volatile Instant lastActive;

        Session(String userId, Instant now) {
            this.userId = userId;
            this.lastActive = now;
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        BillingPrincipal principal = PrincipalAttribute.of(exchange);
        RecognisedRequest recognised = RecognisedRequest.of(exchange);
        if (principal == null) {
            return chain.filter(exchange);
        }
        if (recognised.is(Door.SSE)) {
            if (!running) {
                return answers.refuse(
                        exchange, HttpStatus.SERVICE_UNAVAILABLE, "The server is shutting down; connect again.");
            }
            long open = sessions.values().stream()
                    .filter(s -> s.userId.equals(principal.userId()))
                    .count();
            if (open >= properties.sseSessionsPerUser()) {
                return answers.refuse(
                        exchange,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many open SSE sessions for this user (" + properties.sseSessionsPerUser()
                                + "); close one or use " + Door.STREAMABLE_HTTP.path() + ".");
            }
            return chain.filter(exchange.mutate()
                    .response(new Binding(exchange.getResponse(), principal))
                    .build());
        }
        if (recognised.is(Door.SSE_MESSAGE)) {
            List<String> ids = exchange.getRequest().getQueryParams().getOrDefault("sessionId", List.of());
            Session session = ids.size() == 1 ? sessions.get(ids.get(0)) : null;
            if (session == null || !session.userId.equals(principal.userId())) {
                return answers.refuse(exchange, HttpStatus.NOT_FOUND, "Session not found.");
            }
            session.lastActive = clock.instant();
        }
        return chain.filter(exchange);
    }

    /** How many SSE sessions are open on this instance. */
    int openSessions() {
        return sessions.size();
    }

    private void closeIdle() {
        Instant cutoff = clock.instant().minus(properties.sseIdleTimeout());
        sessions.forEach((id, session) -> {
            if (session.lastActive.isBefore(cutoff)) {
                log.info("Closing SSE session {} after {} without a message", id, properties.sseIdleTimeout());
                session.close.tryEmitEmpty();
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every SSE stream when shutdown begins, before the web server's graceful shutdown waits
     * for open requests: a stream never finishes by itself, so it would hold shutdown for the whole
     * grace period and then be cut instead of ended.
     */
    @Override
    public void stop() {
        running = false;
        sessions.values().forEach(session -> session.close.tryEmitEmpty());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server (whose graceful shutdown runs in a lower phase). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public void destroy() {
        sweeper.dispose();
        sessions.values().forEach(session -> session.close.tryEmitEmpty());
    }

    /** Watches an SSE response for its session id, and ends it when the session is closed here. */
    private final class Binding extends ServerHttpResponseDecorator {

        private final BillingPrincipal principal;

        private volatile String sessionId;

        Binding(ServerHttpResponse delegate, BillingPrincipal principal) {
            super(delegate);
            this.principal = principal;
        }

        /**
         * The first event (the SDK's {@code endpoint} event, which names the session) is read whole
         * before anything is written, so that the response's headers can carry the session id:
         * {@value #SESSION_HEADER}, on which a load balancer keeps the session's {@code /message}
         * posts on this instance ({@code mcp-server/deploy/haproxy/haproxy.cfg}). The headers are
         * written with the first event, not before.
         */
        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            Session session = new Session(principal.userId(), clock.instant());
            Flux<Flux<DataBuffer>> events = Flux.from(body)
                    .map(event -> Flux.<DataBuffer>from(event).doOnNext(buffer -> bind(buffer, session)))
                    .switchOnFirst((first, all) -> {
                        if (!first.hasValue()) {
                            return all;
                        }
                        return first.get()
                                .collectList()
                                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                                .flatMapMany(buffers -> {
                                    if (sessionId != null) {
                                        getHeaders().set(SESSION_HEADER, sessionId);
                                    }
                                    return Flux.concat(Mono.just(Flux.fromIterable(buffers)), all.skip(1));
                                });
                    })
                    .takeUntilOther(session.close.asMono())
                    .doFinally(signal -> {
                        if (sessionId != null) {
                            sessions.remove(sessionId, session);
                        }
                    });
            return super.writeAndFlushWith(events);
        }

        private void bind(DataBuffer buffer, Session session) {
            if (sessionId != null) {
                return;
            }
            String text = buffer.toString(buffer.readPosition(), buffer.readableByteCount(), StandardCharsets.UTF_8);
            Matcher matcher = SESSION_ID.matcher(text);
            if (matcher.find()) {
                sessionId = matcher.group(1);
                sessions.put(sessionId, session);
            }
        }
    }
}
