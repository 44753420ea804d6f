package io.kmon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * kmon's one background daemon thread ({@code kmon-background}). Every periodic task (series
 * sampling, system metrics, alert rules, alert delivery) runs here, so nothing slow ever runs
 * on a monitored call's thread. A task that throws is counted and keeps its schedule.
 */
final class Background implements AutoCloseable {
    static final String THREAD_NAME = "kmon-background";

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Throwable> onFailure;

    Background(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    /** Runs {@code task} every {@code interval}, first after one interval. */
    void every(Duration interval, Runnable task) {
        long ms = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> runContained(task), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} once, as soon as the thread is free. Ignored after close. */
    void submit(Runnable task) {
        if (!executor.isShutdown()) {
            try {
                executor.execute(() -> runContained(task));
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // closed concurrently: the task is dropped, as after close
            }
        }
    }

    private void runContained(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            onFailure.accept(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
