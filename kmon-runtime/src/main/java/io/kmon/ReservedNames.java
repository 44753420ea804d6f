package io.kmon;

import io.kmon.errors.JulCapture;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.SeriesStore;
import java.util.List;

/**
 * The metric names kmon registers itself, refused to users so that a user's metric can never
 * merge with, or clash with the type of, one of kmon's: {@value Kmon#ERRORS_COUNT},
 * {@value JulCapture#LOG_EVENTS}, every name under {@code monitoring.}, {@code system.},
 * {@code process.} and {@code jvm.}, and names ending in {@value SeriesStore#P95_SUFFIX} (the
 * derived series of a timer's p95). The tag {@code overflow} is reserved by the registry itself.
 */
final class ReservedNames {
    private static final List<String> NAMESPACES = List.of("monitoring.", "system.", "process.", "jvm.");

    private ReservedNames() {}

    /**
     * {@code id}, when its name is the user's to take.
     *
     * @throws IllegalArgumentException naming the reserved name
     */
    static MeterId check(MeterId id) {
        String name = id.name();
        boolean reserved = name.equals(Kmon.ERRORS_COUNT) || name.equals(JulCapture.LOG_EVENTS)
                || name.endsWith(SeriesStore.P95_SUFFIX)
                || NAMESPACES.stream().anyMatch(name::startsWith);
        if (reserved) {
            throw new IllegalArgumentException("metric name '" + name + "' is reserved for kmon's own metrics "
                    + "(errors.count, log.events, monitoring.*, system.*, process.*, jvm.*, *.p95)");
        }
        return id;
    }
}
