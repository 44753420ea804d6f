package io.kmon.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured on, read from Linux's {@code /proc} and {@code /sys} and from the
 * running JVM. A value that cannot be read is "unknown", never an error: a report from an odd
 * machine is still a report.
 *
 * @param cpuModel the {@code model name} line of {@code /proc/cpuinfo}
 * @param cores logical processors the JVM sees
 * @param clocksource the kernel clock source behind {@code System.nanoTime()}
 * @param jdk the JVM's name, version and vendor
 * @param os the operating system and architecture
 */
public record Machine(String cpuModel, int cores, String clocksource, String jdk, String os) {
    static final String UNKNOWN = "unknown";

    /** This machine, read from {@code root} ({@code /} outside tests). */
    public static Machine read(Path root) {
        return new Machine(
                cpuModel(root.resolve("proc/cpuinfo")),
                Runtime.getRuntime().availableProcessors(),
                firstLine(root.resolve("sys/devices/system/clocksource/clocksource0/current_clocksource")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    /** The 1-minute load average from {@code <root>/proc/loadavg}, or "unknown". */
    public static String loadAverage(Path root) {
        String line = firstLine(root.resolve("proc/loadavg"));
        return line.equals(UNKNOWN) ? line : line.split("\\s+")[0];
    }

    static String cpuModel(Path cpuinfo) {
        for (String line : lines(cpuinfo)) {
            if (line.startsWith("model name")) {
                int colon = line.indexOf(':');
                return colon < 0 ? UNKNOWN : line.substring(colon + 1).trim();
            }
        }
        return UNKNOWN;
    }

    private static String firstLine(Path file) {
        List<String> lines = lines(file);
        return lines.isEmpty() || lines.get(0).isBlank()
                ? UNKNOWN
                : lines.get(0).trim();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
