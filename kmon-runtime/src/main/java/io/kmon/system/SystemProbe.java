package io.kmon.system;

/**
 * Where system-wide figures come from: OSHI ({@link SystemProbes#oshiIfPresent()}) or the JDK's
 * MXBeans ({@link SystemProbes#jdk()}). Called from one thread at a time (the sampler), and
 * from health checks.
 */
public interface SystemProbe {
    /** {@return {@code oshi} or {@code jdk}} */
    String source();

    /** {@return the physical memory now} */
    MemoryReading memory();

    /** {@return the system-wide CPU usage since the previous call, 0-100; NaN when unknown} */
    double cpuUsagePercent();
}
