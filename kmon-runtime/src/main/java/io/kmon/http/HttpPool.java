package io.kmon.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The exporter's worker pool: at most {@code threads} daemon threads named
 * {@code kmon-http-<port>-<n>}, which end after a minute idle, and a bounded queue. The JDK
 * reads a request on a pool thread, so this bounds both threads and memory under load.
 *
 * <p>When the queue is full a new exchange is dropped and counted, not run on the JDK's
 * dispatcher thread (which would stall every connection); the JDK closes the dropped
 * connection when its {@code maxReqTime} runs out.
 */
final class HttpPool extends ThreadPoolExecutor {
    private final LongAdder rejected = new LongAdder();

    HttpPool(int threads, int queue, String name) {
        super(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), daemonThreads(name));
        allowCoreThreadTimeOut(true);
        setRejectedExecutionHandler((task, pool) -> rejected.increment());
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Exchanges dropped because every thread was busy and the queue full. */
    long rejected() {
        return rejected.sum();
    }
}
