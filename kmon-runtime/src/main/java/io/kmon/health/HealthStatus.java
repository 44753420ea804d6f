package io.kmon.health;

import java.util.Locale;

/**
 * The status of one check or of a whole report, best first. {@link #toString()} is the wire
 * form: {@code healthy}, {@code degraded}, {@code unhealthy}.
 */
public enum HealthStatus {
    /** Working as it should. */
    HEALTHY,
    /** Working, but not as it should: look soon. */
    DEGRADED,
    /** Not working. */
    UNHEALTHY;

    /** The lower-case wire form, as in the {@code /health} JSON. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
