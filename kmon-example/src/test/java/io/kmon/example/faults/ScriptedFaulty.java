package io.kmon.example.faults;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The delegate behind {@code MonitoredFaulty}: each method does what the test scripted, so a
 * test can compare what the caller sees through the proxy with what the delegate did.
 */
final class ScriptedFaulty implements Faulty {
    private volatile Callable<String> call = () -> "ok";
    private volatile Supplier<CompletableFuture<String>> later = () -> CompletableFuture.completedFuture("ok");
    private volatile Faulty self = this;
    private final AtomicReference<StackOverflowError> firstOverflow = new AtomicReference<>();

    /** Scripts {@link #call()} and {@link #slow()}. */
    ScriptedFaulty onCall(Callable<String> behaviour) {
        this.call = Objects.requireNonNull(behaviour, "behaviour");
        return this;
    }

    /** Scripts {@link #later()}. */
    ScriptedFaulty onLater(Supplier<CompletableFuture<String>> behaviour) {
        this.later = Objects.requireNonNull(behaviour, "behaviour");
        return this;
    }

    /** Where {@link #recurse} calls back into: the proxy that wraps this delegate. */
    void recurseThrough(Faulty proxy) {
        this.self = Objects.requireNonNull(proxy, "proxy");
    }

    @Override
    public String call() throws Exception {
        return call.call();
    }

    @Override
    public String slow() throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 2_000_000) {
            Thread.onSpinWait(); // longer than the 1 ms threshold, whatever the clock's resolution
        }
        return call.call();
    }

    @Override
    public CompletableFuture<String> later() {
        return later.get();
    }

    /** The first stack overflow a {@link #recurse} frame saw: the deepest frame sees it first. */
    StackOverflowError firstOverflow() {
        return firstOverflow.get();
    }

    @Override
    public int recurse(int depth) {
        try {
            return self.recurse(depth + 1) + 1;
        } catch (StackOverflowError e) {
            firstOverflow.compareAndSet(null, e);
            throw e;
        }
    }
}
