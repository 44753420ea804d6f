package io.kmon.benchmarks;

import io.kmon.Kmon;
import io.kmon.benchmarks.report.Footprint;
import io.kmon.internal.MethodMonitor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;

/**
 * Benchmark 8: heap per monitored method, measured with JOL as the difference in what a
 * {@code Kmon} retains before and after its methods exist.
 *
 * <p>{@link #measure} registers methods as {@link MonitoredMethods} does (the calls a generated
 * proxy's {@code wrap} makes), ten per component, and records on them as
 * {@code MonitoredService} would. Everything shared (the registry's maps, the untagged
 * {@code errors.count}) is spread over all of them; {@link Footprint#wrapBytes()} shows the
 * other extreme, one small interface alone in a {@code Kmon}. {@link Footprint#spanBytes()} and
 * {@link Footprint#worstBytes()} measure methods whose durations fill many octaves of the
 * timer's buckets, in their steady state (both window halves and the folded counts in use).
 */
public final class FootprintProbe {
    private static final int HOT_METHODS = 20;
    private static final int HOT_CALLS = 50_000;
    /** Methods measured with durations spread over many octaves. */
    private static final int SPREAD_METHODS = 100;

    static {
        // Without it JOL cannot size lambdas (hidden classes); it must be set before JOL loads.
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
    }

    private FootprintProbe() {}

    /** Measures {@code methods} methods (a multiple of ten, at least 20). */
    public static Footprint measure(int methods) throws InterruptedException {
        if (methods < HOT_METHODS) {
            throw new IllegalArgumentException("methods must be at least " + HOT_METHODS + ": " + methods);
        }
        try (Kmon kmon =
                Kmon.builder().backgroundThread(false).systemMetrics(false).build()) {
            GraphLayout emptyLayout = GraphLayout.parseInstance(kmon);
            long empty = emptyLayout.totalSize();
            List<MethodMonitor> handles = MonitoredMethods.register(kmon, methods);
            long fresh = retained(kmon);
            for (MethodMonitor h : handles) {
                h.success(1_000);
                h.failure(2_000, BenchFailure.INSTANCE);
            }
            GraphLayout usedLayout = GraphLayout.parseInstance(kmon);
            long used = usedLayout.totalSize();
            hammer(handles.subList(0, HOT_METHODS));
            long hot = retained(kmon);
            double usedPer = (double) (used - empty) / methods;
            return new Footprint(
                    methods,
                    (double) (fresh - empty) / methods,
                    usedPer,
                    usedPer + (double) (hot - used) / HOT_METHODS,
                    wrapBytes(),
                    proxyBytes(),
                    spreadBytes(1_000, 1_000_000_000),
                    spreadBytes(1, io.kmon.metrics.Timer.MAX_NANOS),
                    breakdown(emptyLayout, usedLayout));
        }
    }

    /**
     * Per method, in the steady state of a method whose calls span {@code fromNanos} to
     * {@code toNanos}: every octave between them recorded in both halves of the window and
     * folded into the cumulative counts by a rotation.
     */
    private static double spreadBytes(long fromNanos, long toNanos) {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        try (Kmon kmon = Kmon.builder()
                .clock(now::get)
                .window(Duration.ofHours(1))
                .backgroundThread(false)
                .systemMetrics(false)
                .build()) {
            long empty = retained(kmon);
            List<MethodMonitor> handles = MonitoredMethods.register(kmon, SPREAD_METHODS);
            for (int half = 0; half < 3; half++) {
                for (MethodMonitor h : handles) {
                    for (long v = fromNanos; v > 0 && v <= toNanos; v = Math.max(v + 1, v + v / 16)) {
                        h.success(v);
                    }
                    h.failure(fromNanos, BenchFailure.INSTANCE);
                }
                kmon.snapshot(); // reads every timer: rotates its window once the clock has moved
                now.addAndGet(Duration.ofMinutes(31).toMillis());
            }
            return (double) (retained(kmon) - empty) / SPREAD_METHODS;
        }
    }

    private static long retained(Object root) {
        return GraphLayout.parseInstance(root).totalSize();
    }

    /** Two threads record into the same methods at once, so the striped adders grow their cells. */
    private static void hammer(List<MethodMonitor> handles) throws InterruptedException {
        CyclicBarrier barrier = new CyclicBarrier(2);
        Runnable task = () -> {
            try {
                for (MethodMonitor h : handles) {
                    barrier.await();
                    for (int i = 0; i < HOT_CALLS; i++) {
                        h.success(1_000 + i);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Thread a = new Thread(task, "footprint-a");
        Thread b = new Thread(task, "footprint-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    /** Per method, one {@code MonitoredService.wrap} alone in a fresh {@code Kmon}, after one call of each. */
    private static double wrapBytes() {
        try (Kmon kmon =
                Kmon.builder().backgroundThread(false).systemMetrics(false).build()) {
            long empty = retained(kmon);
            Service monitored = MonitoredService.wrap(new Work(), kmon);
            monitored.call(1);
            monitored.call1us(1);
            try {
                monitored.fail(1);
            } catch (BenchFailure expected) {
                // recorded as a failure, as intended
            }
            // Service.slow is left uncalled: it would spin for a millisecond and add nothing new.
            return (double) (retained(kmon) - empty) / Service.class.getMethods().length;
        }
    }

    private static long proxyBytes() {
        try (Kmon kmon =
                Kmon.builder().backgroundThread(false).systemMetrics(false).build()) {
            return ClassLayout.parseInstance(MonitoredService.wrap(new Work(), kmon))
                    .instanceSize();
        }
    }

    /** The classes whose retained bytes grew most, largest first. */
    private static String breakdown(GraphLayout before, GraphLayout after) {
        List<Class<?>> classes = new ArrayList<>(after.getClasses());
        classes.sort(Comparator.comparingLong((Class<?> c) -> grown(before, after, c))
                .reversed());
        StringBuilder b = new StringBuilder();
        for (Class<?> c : classes.subList(0, Math.min(12, classes.size()))) {
            long bytes = grown(before, after, c);
            if (bytes <= 0) {
                break;
            }
            long count =
                    after.getClassCounts().count(c) - before.getClassCounts().count(c);
            b.append(String.format(java.util.Locale.ROOT, "%,10d B  %,7d x %s%n", bytes, count, c.getName()));
        }
        return b.toString();
    }

    private static long grown(GraphLayout before, GraphLayout after, Class<?> c) {
        return after.getClassSizes().count(c) - before.getClassSizes().count(c);
    }
}
