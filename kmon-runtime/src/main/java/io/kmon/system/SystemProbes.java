package io.kmon.system;

import java.lang.management.ManagementFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * The two {@link SystemProbe}s. OSHI is an optional dependency: {@link #oshiIfPresent()} uses it
 * when the application put {@code oshi-core} on its class path, and kmon reads the JDK's
 * figures otherwise.
 */
public final class SystemProbes {
    private static final String OSHI_CLASS = "oshi.SystemInfo";

    private SystemProbes() {}

    /**
     * OSHI's probe when OSHI is on kmon's class path, else null: its absence is a choice, not
     * a failure.
     *
     * @return OSHI's probe, or null
     * @throws LinkageError when OSHI is there but it or JNA cannot load (unsupported platform, no JNA)
     * @throws RuntimeException when OSHI fails to read the platform
     */
    public static SystemProbe oshiIfPresent() {
        return isOshiPresent(SystemProbes.class.getClassLoader()) ? oshi() : null;
    }

    /** Whether {@code loader} sees OSHI; looks the class up without initialising it. */
    static boolean isOshiPresent(ClassLoader loader) {
        try {
            Class.forName(OSHI_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * A probe backed by OSHI.
     *
     * @return the probe
     * @throws LinkageError when OSHI or JNA cannot load (missing jar, unsupported platform)
     * @throws RuntimeException when OSHI fails to read the platform
     */
    public static SystemProbe oshi() {
        return new Oshi();
    }

    /**
     * {@return a probe backed by the JDK's {@code com.sun.management.OperatingSystemMXBean}} NaN
     * where it has no figure.
     */
    public static SystemProbe jdk() {
        return new Jdk();
    }

    /** OSHI: available memory counts reclaimable caches, CPU load is measured between ticks. */
    private static final class Oshi implements SystemProbe {
        private final GlobalMemory memory;
        private final CentralProcessor processor;
        private long[] previousTicks;

        Oshi() {
            HardwareAbstractionLayer hardware = new SystemInfo().getHardware();
            this.memory = hardware.getMemory();
            this.processor = hardware.getProcessor();
            this.previousTicks = processor.getSystemCpuLoadTicks();
        }

        @Override
        public String source() {
            return "oshi";
        }

        @Override
        public MemoryReading memory() {
            return new MemoryReading(memory.getTotal(), memory.getAvailable());
        }

        @Override
        public synchronized double cpuUsagePercent() {
            double load = processor.getSystemCpuLoadBetweenTicks(previousTicks);
            previousTicks = processor.getSystemCpuLoadTicks();
            return load < 0 ? Double.NaN : load * 100;
        }
    }

    /** The JDK: free rather than available memory, CPU load as the JDK last measured it. */
    private static final class Jdk implements SystemProbe {
        private final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

        @Override
        public String source() {
            return "jdk";
        }

        @Override
        public MemoryReading memory() {
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return new MemoryReading(sun.getTotalMemorySize(), sun.getFreeMemorySize());
            }
            return new MemoryReading(0, 0);
        }

        @Override
        public double cpuUsagePercent() {
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                double load = sun.getCpuLoad();
                return load < 0 ? Double.NaN : load * 100;
            }
            return Double.NaN;
        }
    }
}
