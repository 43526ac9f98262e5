package com.classifiedbilling.config;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * The HTTP connections the server has open, closed once the server has stopped and before the
 * beans they would call on (the database pool, Redis) are closed. After the graceful shutdown has
 * let the last requests finish, an idle keep-alive connection stays open, and a client (a load
 * balancer above all) may still send a request on it; served then, it would meet a closed pool and
 * answer 503. Closed, the client sees the connection go, as a balancer expects of an instance that
 * is stopping, and sends the request elsewhere.
 */
final class HttpConnections implements SmartLifecycle {

    /** After the web server's graceful shutdown and its stop, before any bean is destroyed. */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** Closed channels leave the group by themselves. */
    private final ChannelGroup open = new DefaultChannelGroup("http-connections", GlobalEventExecutor.INSTANCE);

    private volatile boolean running;

    void add(Channel connection) {
        open.add(connection);
    }

    int size() {
        return open.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
