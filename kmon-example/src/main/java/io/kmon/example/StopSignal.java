package io.kmon.example;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When the example should stop, from whichever comes first: Ctrl-C or SIGTERM (a shutdown
 * hook), or the MCP client closing stdin. The main thread waits for the request, cleans up,
 * and reports {@link #finished()}; a shutdown hook waits for that (bounded) so the JVM does
 * not halt halfway through the cleanup.
 */
final class StopSignal {
    private static final System.Logger LOG = System.getLogger(StopSignal.class.getName());
    private static final long CLEANUP_SECONDS = 10;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean once = new AtomicBoolean();
    private final List<Runnable> onRequest = new CopyOnWriteArrayList<>();

    /** Requests a stop on SIGINT/SIGTERM and holds the JVM until {@link #finished()} or 10 s. */
    void installShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "kmon-example-shutdown"));
    }

    /**
     * The shutdown hook's work. After {@link #finished()} the JVM is exiting through
     * {@code System.exit} (a normal end, or a start-up failure): no signal came, so none is
     * logged or requested.
     */
    void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        request("signal");
        try {
            if (!finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "cleanup took over " + CLEANUP_SECONDS + " s; exiting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code action} on the first stop request (at once if one came already). */
    void onRequest(Runnable action) {
        onRequest.add(action);
        if (requested.getCount() == 0) {
            action.run();
        }
    }

    /** Requests a stop; {@code reason} goes to the log. Later requests do nothing. */
    void request(String reason) {
        if (once.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, "stopping (" + reason + ")");
            requested.countDown();
            for (Runnable action : onRequest) {
                action.run();
            }
        }
    }

    /** Blocks until a stop is requested. */
    void awaitRequest() throws InterruptedException {
        requested.await();
    }

    /** Whether a stop was requested. */
    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** The cleanup is done: a waiting shutdown hook may let the JVM exit. */
    void finished() {
        finished.countDown();
    }
}
