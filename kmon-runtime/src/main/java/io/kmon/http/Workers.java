package io.kmon.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the JDK server's exchanges run. The JDK reads a request's line and headers on the
 * executor's thread, with a blocking read, so a client that sends half a request holds a thread
 * until the read deadline. Exchanges therefore get a thread each, up to {@code maxExchanges} (the
 * connection cap, since a connection carries one exchange at a time): a virtual thread on Java
 * {@value #VIRTUAL_FROM}+, otherwise a platform daemon thread with a small stack, made on demand
 * and ended after {@value #IDLE_SECONDS} s idle.
 *
 * <p>Why not virtual threads on 21 to 23: the JDK reads through {@code Request.ReadStream}, whose
 * {@code read} is {@code synchronized}, and before JEP 491 (Java 24) a virtual thread blocked
 * inside {@code synchronized} pins its carrier. A few slow clients would then hold every carrier
 * (one per core) and starve the JVM's other virtual threads too.
 *
 * <p>Beyond {@code maxExchanges} an exchange is dropped and counted, never run on the JDK's
 * dispatcher thread (which would stall every connection); the JDK's {@code maxReqTime} then
 * closes its connection. Every exchange runs under {@link ReadDeadline}.
 */
final class Workers implements Executor {
    static final int IDLE_SECONDS = 30;
    /** The first Java whose virtual threads do not pin inside {@code synchronized} (JEP 491). */
    static final int VIRTUAL_FROM = 24;
    /** Enough for kmon's endpoints, which never run user code on this thread but a health check. */
    private static final long PLATFORM_STACK_BYTES = 512 * 1024;

    private final ExecutorService threads;
    private final boolean virtual;
    private final ReadDeadline deadline;
    private final int maxExchanges;
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder rejected = new LongAdder();

    Workers(int maxExchanges, String name, ReadDeadline deadline) {
        this.maxExchanges = maxExchanges;
        this.deadline = deadline;
        ExecutorService v = virtualThreads();
        this.virtual = v != null;
        this.threads = v != null ? v : platformThreads(maxExchanges, name);
    }

    @Override
    public void execute(Runnable exchange) {
        if (active.incrementAndGet() > maxExchanges) {
            active.decrementAndGet();
            rejected.increment();
            return;
        }
        Runnable tracked = deadline.track(exchange);
        try {
            threads.execute(() -> {
                try {
                    tracked.run();
                } finally {
                    active.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            active.decrementAndGet();
            rejected.increment();
        }
    }

    /** Whether exchanges run on virtual threads. */
    boolean virtual() {
        return virtual;
    }

    /** Exchanges running now: being read or handled. */
    int active() {
        return active.get();
    }

    /** Exchanges dropped because {@code maxExchanges} were running. */
    long rejected() {
        return rejected.sum();
    }

    /** Ends the threads, interrupting running exchanges, and waits up to {@code seconds}. */
    void shutdown(long seconds) {
        threads.shutdownNow();
        try {
            threads.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code Executors.newVirtualThreadPerTaskExecutor()} on Java {@value #VIRTUAL_FROM}+, else
     * null. The build targets Java 17, so the method is looked up once, when a server starts,
     * through a public method handle: no reflection on any request's path, and nothing to open.
     */
    static ExecutorService virtualThreads() {
        if (Runtime.version().feature() < VIRTUAL_FROM) {
            return null;
        }
        MethodHandle factory;
        try {
            factory = MethodHandles.publicLookup()
                    .findStatic(
                            java.util.concurrent.Executors.class,
                            "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class));
        } catch (NoSuchMethodException | IllegalAccessException olderJvm) {
            return null;
        }
        try {
            return (ExecutorService) factory.invokeExact();
        } catch (Throwable e) {
            // e.g. UnsupportedOperationException on a JVM built without virtual threads
            return null;
        }
    }

    private static ExecutorService platformThreads(int max, String name) {
        // A cached pool capped at max: an idle thread is reused, else one is made; the synchronous
        // hand-off means an exchange never waits behind a blocked one.
        return new ThreadPoolExecutor(0, max, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons(name));
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), PLATFORM_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
