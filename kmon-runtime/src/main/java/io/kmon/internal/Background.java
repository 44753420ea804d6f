package io.kmon.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * kmon's one background daemon thread ({@code kmon-background}). Every periodic task (series
 * sampling, system metrics, alert rules, alert delivery) runs here, so nothing slow ever runs
 * on a monitored call's thread. A task that throws is counted and keeps its schedule.
 */
public final class Background implements AutoCloseable {
    /** The thread's name. */
    public static final String THREAD_NAME = "kmon-background";

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(this::newThread);
    private final Consumer<Throwable> onFailure;
    private volatile Thread thread;

    /**
     * A thread whose failed tasks go to {@code onFailure}.
     *
     * @param onFailure told of each task that threw
     */
    public Background(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    /**
     * Runs {@code task} every {@code interval}, first after one interval.
     *
     * @param interval the delay between the end of one run and the start of the next
     * @param task the work
     */
    public void every(Duration interval, Runnable task) {
        long ms = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> runContained(task), ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code task} once, as soon as the thread is free. Ignored after close.
     *
     * @param task the work
     */
    public void submit(Runnable task) {
        if (!executor.isShutdown()) {
            try {
                executor.execute(() -> runContained(task));
            } catch (RejectedExecutionException closing) {
                // closed concurrently: the task is dropped, as after close
            }
        }
    }

    private Thread newThread(Runnable r) {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        thread = t;
        return t;
    }

    private void runContained(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            onFailure.accept(e);
        }
    }

    /** Stops the thread and waits (up to 5 s) until it has ended, not just finished its tasks. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
