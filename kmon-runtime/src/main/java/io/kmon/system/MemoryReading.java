package io.kmon.system;

/**
 * Physical memory at one instant.
 *
 * @param totalBytes physical memory; 0 when unknown
 * @param availableBytes memory available to start new work without swapping (OSHI), or free
 *     memory (the JDK fallback)
 */
public record MemoryReading(long totalBytes, long availableBytes) {

    /** {@return the used share in percent, 0-100; NaN when the total is unknown} */
    public double usagePercent() {
        return totalBytes <= 0 ? Double.NaN : 100.0 * (totalBytes - availableBytes) / totalBytes;
    }

    /** {@return the available memory in MiB ({@code system.memory.available_mb})} */
    public double availableMb() {
        return availableBytes / (1024.0 * 1024.0);
    }
}
