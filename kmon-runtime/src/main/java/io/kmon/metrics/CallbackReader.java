package io.kmon.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs users' callbacks (a gauge's supplier) on kmon's own threads, so that one that blocks or
 * is slow cannot hold the thread that reads it (an HTTP worker, the background thread) for
 * longer than {@code timeout}.
 *
 * <p>A read hands the call to a daemon thread ({@code kmon-callback-N}, no queue, at most
 * {@code maxThreads}) and waits for it up to the timeout. When the call is late, the reader
 * gets the last good value and goes on; the call goes on too, and while it is still running
 * every later read of that callback returns the last good value at once, without waiting and
 * without starting another call. So a hung callback costs one timeout once, then nothing, and
 * holds one thread; once it returns, the next read calls the callback afresh. Callback threads
 * are capped: when all are held by hung callbacks, a read fails at once (counted) and reads the
 * last good value.
 */
public final class CallbackReader implements AutoCloseable {
    /** What {@link #read} returns when the callback is still running from an earlier read. */
    static final Object STUCK = new Object();
    /** The default wait for one callback. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);
    /** The default number of threads calling callbacks (each hung callback holds one). */
    public static final int DEFAULT_MAX_THREADS = 16;

    private final long timeoutNanos;
    private final ThreadPoolExecutor pool;

    /**
     * A reader.
     *
     * @param timeout the longest wait for one callback
     * @param maxThreads the most callbacks running at once
     */
    public CallbackReader(Duration timeout, int maxThreads) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || maxThreads <= 0) {
            throw new IllegalArgumentException("callback timeout and threads must be positive");
        }
        this.timeoutNanos = timeout.toNanos();
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "kmon-callback-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** {@return the timeout of one read} */
    public Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /**
     * The result of {@code call} if it answers within the timeout.
     *
     * @param slot the callback's call in flight, if any; one per callback
     * @param call the user's callback
     * @return the value, or {@link #STUCK} when an earlier call of it is still running
     * @throws Throwable what the call threw, or a {@link TimeoutException} when it is late
     *     (the caller reports it and falls back to its last good value)
     */
    Object read(AtomicReference<CompletableFuture<Object>> slot, Callable<?> call) throws Throwable {
        CompletableFuture<Object> running = slot.get();
        if (running != null && !running.isDone()) {
            return STUCK; // still running from an earlier read: do not wait again, do not pile up calls
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        if (!slot.compareAndSet(running, mine)) {
            return STUCK; // another reader started a call just now
        }
        try {
            pool.execute(() -> {
                try {
                    mine.complete(call.call());
                } catch (Throwable e) {
                    mine.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException full) {
            slot.compareAndSet(mine, null);
            throw new TimeoutException("no callback thread free: " + pool.getMaximumPoolSize() + " callbacks hang");
        }
        try {
            return mine.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return STUCK;
        }
    }

    /** {@return the callback threads now alive} For tests. */
    public int threads() {
        return pool.getPoolSize();
    }

    /** Stops the threads; hung callbacks are interrupted, later reads fail over to last good values. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
