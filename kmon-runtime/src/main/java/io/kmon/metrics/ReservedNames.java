package io.kmon.metrics;

import java.util.List;

/**
 * The metric names kmon registers itself: {@code errors.count}, {@code log.events}, every name
 * under {@code monitoring.}, {@code system.}, {@code process.} and {@code jvm.}, and names ending
 * in {@value SeriesStore#P95_SUFFIX} (the derived series of a timer's p95).
 *
 * <p>{@code Kmon}'s facade refuses them to users, so a user's metric can never merge with, or
 * clash with the type of, one of kmon's; and the registry's cap on names does not count them,
 * so kmon's own figures (a contained failure's counter, a new GC's pauses) are never refused
 * after users filled the cap.
 */
public final class ReservedNames {
    private static final List<String> NAMESPACES = List.of("monitoring.", "system.", "process.", "jvm.");
    private static final List<String> NAMES = List.of("errors.count", "log.events");

    private ReservedNames() {}

    /**
     * {@return whether {@code name} is kmon's own}
     *
     * @param name a metric name
     */
    public static boolean isReserved(String name) {
        return NAMES.contains(name)
                || name.endsWith(SeriesStore.P95_SUFFIX)
                || NAMESPACES.stream().anyMatch(name::startsWith);
    }

    /**
     * Checks that {@code id}'s name is the user's to take.
     *
     * @param id the id to check
     * @return {@code id}
     * @throws IllegalArgumentException naming the reserved name
     */
    public static MeterId check(MeterId id) {
        if (isReserved(id.name())) {
            throw new IllegalArgumentException("metric name '" + id.name() + "' is reserved for kmon's own metrics "
                    + "(errors.count, log.events, monitoring.*, system.*, process.*, jvm.*, *.p95)");
        }
        return id;
    }
}
