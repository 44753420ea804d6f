package io.kmon.benchmarks.report;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything one run of the suite produced, ready for {@link Report}.
 *
 * @param date when it ran (ISO-8601, UTC)
 * @param machine what it ran on
 * @param loadStart the 1-minute load average before the first benchmark
 * @param loadEnd the 1-minute load average after the last one (includes the run itself)
 * @param command the command that produced it, as typed
 * @param settings the JMH settings, in words
 * @param results the JMH results
 * @param footprint heap per monitored method, when measured
 */
public record Run(
        String date,
        Machine machine,
        String loadStart,
        String loadEnd,
        String command,
        String settings,
        Results results,
        Optional<Footprint> footprint) {

    /** Checks for nulls. */
    public Run {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(footprint, "footprint");
    }
}
