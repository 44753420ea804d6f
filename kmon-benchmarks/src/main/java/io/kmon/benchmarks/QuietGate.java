package io.kmon.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits, before each benchmark, until nothing else on the machine wants a CPU, and says how busy
 * it was. On a shared 2-core machine another process's build turns a 2-thread benchmark into a
 * measurement of the scheduler, so the suite checks between benchmarks (when its own fork has
 * ended) rather than trusting a load average it raises itself.
 *
 * <p>Busyness is the kernel's count of runnable tasks ({@code procs_running} in
 * {@code /proc/stat}) minus this sampling thread, averaged over a short window.
 */
final class QuietGate {
    static final double QUIET = 0.25;
    private static final int SAMPLES = 8;
    private static final long SAMPLE_MILLIS = 125;

    private final Path stat;
    private long waitBudgetMillis;

    /** A gate that waits at most {@code budget} in all, over every benchmark of a run. */
    QuietGate(Path root, Duration budget) {
        this.stat = root.resolve("proc/stat");
        this.waitBudgetMillis = budget.toMillis();
    }

    /**
     * Waits (within what is left of the budget) until the machine is quiet.
     *
     * @return the other runnable tasks, on average, when the benchmark starts; NaN when unknown
     */
    double await() throws InterruptedException {
        while (true) {
            long start = System.currentTimeMillis();
            double others = othersRunning();
            if (Double.isNaN(others) || others < QUIET || waitBudgetMillis <= 0) {
                return others;
            }
            System.out.printf("# kmon: %.2f other tasks running; waiting for a quiet machine%n", others);
            Thread.sleep(2_000);
            waitBudgetMillis -= System.currentTimeMillis() - start;
        }
    }

    /** Runnable tasks other than this one, averaged over about a second; NaN without /proc/stat. */
    double othersRunning() throws InterruptedException {
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            int running = procsRunning(stat);
            if (running < 0) {
                return Double.NaN;
            }
            sum += Math.max(0, running - 1);
            Thread.sleep(SAMPLE_MILLIS);
        }
        return sum / SAMPLES;
    }

    static int procsRunning(Path stat) {
        try {
            for (String line : Files.readAllLines(stat, StandardCharsets.UTF_8)) {
                if (line.startsWith("procs_running ")) {
                    return Integer.parseInt(
                            line.substring("procs_running ".length()).trim());
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
        return -1;
    }
}
