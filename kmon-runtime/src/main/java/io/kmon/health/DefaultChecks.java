package io.kmon.health;

import io.kmon.alert.Alert;
import io.kmon.alert.AlertEngine;
import io.kmon.annotations.AlertLevel;
import io.kmon.metrics.Clock;
import io.kmon.system.MemoryReading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * kmon's default checks: {@code uptime}, {@code memory} and {@code recent_errors}. Each
 * puts its own verdict ({@code ok}, {@code warning}, {@code critical}) in the {@code status}
 * detail and maps it to
 * healthy, degraded and unhealthy.
 */
public final class DefaultChecks {
    /** Name of the uptime check. */
    public static final String UPTIME = "uptime";
    /** Name of the memory check. */
    public static final String MEMORY = "memory";
    /** Name of the recent-errors check. */
    public static final String RECENT_ERRORS = "recent_errors";

    private DefaultChecks() {}

    /**
     * Always healthy: seconds since {@code startMillis} and the same in a human form ({@code 1d 2h 3m}).
     *
     * @param clock kmon's clock
     * @param startMillis when kmon started, epoch milliseconds of {@code clock}
     * @return the check
     */
    public static HealthCheck uptime(Clock clock, long startMillis) {
        Objects.requireNonNull(clock, "clock");
        return () -> {
            double seconds = Math.max(0, clock.millis() - startMillis) / 1000.0;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("uptime_seconds", seconds);
            details.put("uptime_human", formatUptime(seconds));
            details.put("status", "ok");
            return HealthResult.healthy(details);
        };
    }

    /**
     * System memory usage: {@code ok} up to 80%, {@code warning} (degraded) above, {@code critical}
     * (unhealthy) above 90%; healthy with status {@code unavailable} when it cannot be read.
     *
     * @param memory reads the system's memory
     * @return the check
     */
    public static HealthCheck memory(Supplier<MemoryReading> memory) {
        Objects.requireNonNull(memory, "memory");
        return () -> {
            MemoryReading reading = memory.get();
            Map<String, Object> details = new LinkedHashMap<>();
            double percent = reading == null ? Double.NaN : reading.usagePercent();
            if (Double.isNaN(percent)) {
                details.put("status", "unavailable");
                return HealthResult.healthy(details);
            }
            details.put("usage_percent", round(percent));
            details.put("available_mb", round(reading.availableMb()));
            if (percent > 90) {
                details.put("status", "critical");
                return HealthResult.unhealthy(details);
            }
            if (percent > 80) {
                details.put("status", "warning");
                return HealthResult.degraded(details);
            }
            details.put("status", "ok");
            return HealthResult.healthy(details);
        };
    }

    /**
     * ERROR and CRITICAL alerts in the last hour: none is {@code ok}, some is {@code warning}
     * (degraded), more than 5 is {@code critical} (unhealthy).
     *
     * @param alerts the alerts to count
     * @param clock kmon's clock
     * @return the check
     */
    public static HealthCheck recentErrors(AlertEngine alerts, Clock clock) {
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(clock, "clock");
        return () -> {
            List<Alert> recent = alerts.since(clock.millis() - TimeUnit.HOURS.toMillis(1));
            long errors = recent.stream()
                    .filter(a -> a.level().compareTo(AlertLevel.ERROR) >= 0)
                    .count();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("recent_alerts", recent.size());
            details.put("error_alerts", errors);
            if (errors > 5) {
                details.put("status", "critical");
                return HealthResult.unhealthy(details);
            }
            if (errors > 0) {
                details.put("status", "warning");
                return HealthResult.degraded(details);
            }
            details.put("status", "ok");
            return HealthResult.healthy(details);
        };
    }

    /**
     * {@return {@code 1d 2h 3m}, {@code 2h 3m} or {@code 3m}} The largest units, minutes last.
     *
     * @param seconds the uptime in seconds
     */
    public static String formatUptime(double seconds) {
        long s = (long) Math.max(0, seconds);
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h " + minutes + "m";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes + "m";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
