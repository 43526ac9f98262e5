package com.classifiedbilling.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import reactor.netty.resources.LoopResources;

/**
 * The event loops, one thread a core, that serve both the HTTP connections and the PostgreSQL
 * driver's. They stop when Spring's own HTTP resources would: at phase 0, after the web server has
 * stopped and before any bean is destroyed, so that a request sent on an idle keep-alive connection
 * after the graceful shutdown is served by a server whose pool is still open, or not at all.
 */
final class EventLoops implements SmartLifecycle, DisposableBean {

    private static final Duration QUIET_PERIOD = Duration.ofSeconds(LoopResources.DEFAULT_SHUTDOWN_QUIET_PERIOD);

    private static final Duration TIMEOUT = Duration.ofSeconds(LoopResources.DEFAULT_SHUTDOWN_TIMEOUT);

    private final LoopResources loops =
            LoopResources.create("billing", Runtime.getRuntime().availableProcessors(), true);

    private final AtomicBoolean disposed = new AtomicBoolean();

    private volatile boolean running;

    LoopResources loops() {
        return loops;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        dispose();
    }

    /** Also when the context failed before its lifecycle started. */
    @Override
    public void destroy() {
        dispose();
    }

    private void dispose() {
        if (disposed.compareAndSet(false, true)) {
            loops.disposeLater(QUIET_PERIOD, TIMEOUT).block();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    /**
     * Stopped only when the context closes: a context paused for a while (the test framework pauses
     * the ones it caches) would find its loops gone when it resumes.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
