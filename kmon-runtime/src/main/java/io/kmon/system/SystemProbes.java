package io.kmon.system;

import java.lang.management.ManagementFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;

/** The two {@link SystemProbe}s. */
public final class SystemProbes {
    private SystemProbes() {}

    /**
     * A probe backed by OSHI.
     *
     * @throws LinkageError when OSHI or JNA cannot load (missing jar, unsupported platform)
     * @throws RuntimeException when OSHI fails to read the platform
     */
    public static SystemProbe oshi() {
        return new Oshi();
    }

    /** A probe backed by the JDK's {@code com.sun.management.OperatingSystemMXBean}; NaN where it has no figure. */
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
