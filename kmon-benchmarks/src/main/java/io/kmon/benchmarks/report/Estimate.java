package io.kmon.benchmarks.report;

/**
 * A figure with its error (half-width of a confidence interval); NaN error means unknown.
 * Errors of sums and differences combine as independent errors do (root of the sum of squares).
 *
 * @param value the figure
 * @param error its error, never negative; NaN when unknown
 */
public record Estimate(double value, double error) {

    /** The time of one measurement. */
    static Estimate of(Measurement m) {
        return new Estimate(m.nanosPerOp(), m.error());
    }

    /** {@code this - other}. */
    Estimate minus(Estimate other) {
        return new Estimate(value - other.value, Math.hypot(error, other.error));
    }

    /** {@code this + other}. */
    Estimate plus(Estimate other) {
        return new Estimate(value + other.value, Math.hypot(error, other.error));
    }

    /** {@code this / other}, with the relative errors combined. */
    Estimate ratio(Estimate other) {
        double r = value / other.value;
        double rel = Math.hypot(error / value, other.error / other.value);
        return new Estimate(r, Math.abs(r) * rel);
    }

    /** {@code 12.3 ± 0.4}, or {@code 12.3} when the error is unknown. */
    String format(int decimals) {
        String v = Markdown.number(value, decimals);
        return Double.isNaN(error) ? v : v + " ± " + Markdown.number(error, decimals);
    }
}
