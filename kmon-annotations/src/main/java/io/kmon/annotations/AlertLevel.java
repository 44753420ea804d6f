package io.kmon.annotations;

/**
 * Severity of an alert, lowest first.
 *
 * <p>One enum serves both the annotations ({@link SlowAlert#level()}) and the runtime's
 * alert engine, so a level chosen at compile time is the level raised at run time.
 */
public enum AlertLevel {
    /** Worth knowing; nothing to do. */
    INFO,
    /** Something degraded or slow; look when convenient. */
    WARNING,
    /** A failure that needs attention. */
    ERROR,
    /** The service is at risk; act now. */
    CRITICAL
}
