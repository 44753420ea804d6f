package io.kmon.system;

import io.kmon.metrics.Gauge;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * System, process and JVM gauges, set by {@link #sampleNow()} on kmon's background thread:
 *
 * <ul>
 *   <li>{@code system.memory.usage_percent}, {@code system.memory.available_mb},
 *       {@code system.cpu.usage_percent}, {@code system.disk.usage_percent} (of the working
 *       directory's file store), plus {@code system.memory.total_mb};
 *   <li>{@code process.cpu.usage_percent}, {@code process.uptime_seconds};
 *   <li>{@code jvm.memory.heap.used_bytes}, {@code .committed_bytes}, {@code .max_bytes},
 *       {@code jvm.memory.nonheap.used_bytes}, {@code jvm.threads.live}, {@code .daemon},
 *       {@code .peak}, and the timer {@code jvm.gc.pause{gc}};
 *   <li>{@code monitoring.oshi_available}: 1 when the system figures come from OSHI, 0 when
 *       the JDK's MXBeans stand in (OSHI is not on the class path, or could not load).
 * </ul>
 *
 * <p>OSHI is loaded on the first sample, not at construction, so building a {@code Kmon}
 * stays fast. Each sampler is contained: one that throws has its gauges cleared (NaN, left
 * out of exports), is counted under {@code sampler:<name>} and logged once, and the others
 * still run.
 */
public final class SystemMetrics implements AutoCloseable {
    /** 1 when OSHI is in use, 0 when the JDK fallback is. */
    public static final String OSHI_AVAILABLE = "monitoring.oshi_available";

    private static final double MB = 1024.0 * 1024.0;

    private final MeterRegistry registry;
    private final InternalFailures failures;
    private final Supplier<SystemProbe> oshi;
    private final Path disk;
    private final List<Sampler> samplers = new ArrayList<>();
    private final Gauge oshiAvailable;
    private final GcPauses gcPauses;
    private volatile SystemProbe probe;

    /**
     * System metrics in {@code registry} from OSHI when it is on the class path (the JDK's
     * otherwise), for the working directory's disk.
     *
     * @param registry where the gauges live
     * @param failures where sampler failures are counted
     */
    public SystemMetrics(MeterRegistry registry, InternalFailures failures) {
        this(registry, failures, SystemProbes::oshiIfPresent, Path.of(""));
    }

    /**
     * System metrics with a chosen source.
     *
     * @param registry where the gauges live
     * @param failures where sampler failures are counted
     * @param oshi makes the preferred probe; when it returns null (OSHI absent) the JDK's probe
     *     is used, and when it throws, the same, with the failure counted under {@code oshi}
     * @param disk a path on the file store whose usage is reported
     */
    public SystemMetrics(MeterRegistry registry, InternalFailures failures, Supplier<SystemProbe> oshi, Path disk) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.oshi = Objects.requireNonNull(oshi, "oshi");
        this.disk = Objects.requireNonNull(disk, "disk").toAbsolutePath();
        this.oshiAvailable = gauge(OSHI_AVAILABLE);

        Gauge memUsage = gauge("system.memory.usage_percent");
        Gauge memAvailable = gauge("system.memory.available_mb");
        Gauge memTotal = gauge("system.memory.total_mb");
        add(
                "system.memory",
                () -> {
                    MemoryReading m = probe().memory();
                    memUsage.set(m.usagePercent());
                    memAvailable.set(m.totalBytes() <= 0 ? Double.NaN : m.availableMb());
                    memTotal.set(m.totalBytes() <= 0 ? Double.NaN : m.totalBytes() / MB);
                },
                memUsage,
                memAvailable,
                memTotal);

        Gauge cpu = gauge("system.cpu.usage_percent");
        add("system.cpu", () -> cpu.set(probe().cpuUsagePercent()), cpu);

        Gauge diskUsage = gauge("system.disk.usage_percent");
        Gauge diskFree = gauge("system.disk.free_mb");
        add("system.disk", () -> sampleDisk(diskUsage, diskFree), diskUsage, diskFree);

        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        Gauge processCpu = gauge("process.cpu.usage_percent");
        Gauge uptime = gauge("process.uptime_seconds");
        add(
                "process",
                () -> {
                    double load =
                            os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuLoad() : -1;
                    processCpu.set(load < 0 ? Double.NaN : load * 100);
                    uptime.set(runtime.getUptime() / 1000.0);
                },
                processCpu,
                uptime);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Gauge heapUsed = gauge("jvm.memory.heap.used_bytes");
        Gauge heapCommitted = gauge("jvm.memory.heap.committed_bytes");
        Gauge heapMax = gauge("jvm.memory.heap.max_bytes");
        Gauge nonHeapUsed = gauge("jvm.memory.nonheap.used_bytes");
        add(
                "jvm.memory",
                () -> {
                    MemoryUsage heap = memory.getHeapMemoryUsage();
                    heapUsed.set(heap.getUsed());
                    heapCommitted.set(heap.getCommitted());
                    heapMax.set(heap.getMax() < 0 ? Double.NaN : heap.getMax());
                    nonHeapUsed.set(memory.getNonHeapMemoryUsage().getUsed());
                },
                heapUsed,
                heapCommitted,
                heapMax,
                nonHeapUsed);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Gauge live = gauge("jvm.threads.live");
        Gauge daemon = gauge("jvm.threads.daemon");
        Gauge peak = gauge("jvm.threads.peak");
        add(
                "jvm.threads",
                () -> {
                    live.set(threads.getThreadCount());
                    daemon.set(threads.getDaemonThreadCount());
                    peak.set(threads.getPeakThreadCount());
                },
                live,
                daemon,
                peak);

        GcPauses gc = null;
        try {
            gc = new GcPauses(registry, failures);
        } catch (RuntimeException | LinkageError e) {
            failures.record("sampler:jvm.gc", e); // no GC notifications on this JVM: the rest still works
        }
        this.gcPauses = gc;
    }

    private Gauge gauge(String name) {
        return registry.gauge(MeterId.of(name));
    }

    private void add(String name, Runnable body, Gauge... gauges) {
        samplers.add(new Sampler(name, body, List.of(gauges)));
    }

    /** Used share of the disk: (total - unallocated) / total. */
    private void sampleDisk(Gauge usage, Gauge free) {
        try {
            FileStore store = Files.getFileStore(disk);
            long total = store.getTotalSpace();
            long unallocated = store.getUnallocatedSpace();
            usage.set(total <= 0 ? Double.NaN : 100.0 * (total - unallocated) / total);
            free.set(store.getUsableSpace() / MB);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file store of " + disk, e);
        }
    }

    /**
     * {@return the probe in use} OSHI's, made on first use, or the JDK's when OSHI is absent or
     * cannot load. Never throws.
     */
    public SystemProbe probe() {
        SystemProbe p = probe;
        if (p == null) {
            synchronized (this) {
                p = probe;
                if (p == null) {
                    probe = p = load();
                }
            }
        }
        return p;
    }

    private SystemProbe load() {
        try {
            SystemProbe p = oshi.get();
            if (p == null) {
                oshiAvailable.set(0);
                return SystemProbes.jdk();
            }
            p.memory(); // fail here, once, rather than in every sample
            oshiAvailable.set(1);
            return p;
        } catch (RuntimeException | LinkageError e) {
            failures.record("oshi", e);
            oshiAvailable.set(0);
            return SystemProbes.jdk();
        }
    }

    /** {@return the physical memory now, from the probe in use} For the {@code memory} health check. */
    public MemoryReading memory() {
        return probe().memory();
    }

    /** Runs every sampler once; a failing one is contained and counted. */
    public void sampleNow() {
        probe();
        for (Sampler sampler : samplers) {
            try {
                sampler.body.run();
            } catch (RuntimeException | LinkageError e) {
                for (Gauge g : sampler.gauges) {
                    g.set(Double.NaN);
                }
                failures.record("sampler:" + sampler.name, e);
            }
        }
    }

    /** {@return the samplers' names, in the order they run} */
    public List<String> samplers() {
        return samplers.stream().map(Sampler::name).toList();
    }

    /** Removes the GC listeners. */
    @Override
    public void close() {
        if (gcPauses != null) {
            gcPauses.close();
        }
    }

    private record Sampler(String name, Runnable body, List<Gauge> gauges) {}
}
