package io.kmon.benchmarks.report;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One JMH result row: a benchmark method at one thread count (and one set of parameters).
 *
 * @param group the benchmark class's simple name without {@code Benchmark}, e.g. {@code Kmon}
 * @param method the benchmark method, e.g. {@code proxy}
 * @param params JMH {@code @Param} values, e.g. {@code methods=1000}; empty when none
 * @param threads threads running the method at once
 * @param nanosPerOp the average time per operation, in nanoseconds
 * @param error the half-width of the 99.9% confidence interval; NaN with a single iteration
 * @param bytesPerOp heap allocated per operation ({@code gc.alloc.rate.norm}); NaN when not profiled
 * @param othersRunning other processes' runnable tasks, on average, just before it started; NaN if unknown
 */
public record Measurement(
        String group,
        String method,
        Map<String, String> params,
        int threads,
        double nanosPerOp,
        double error,
        double bytesPerOp,
        double othersRunning) {

    /** Sorts and copies the parameters. */
    public Measurement {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(method, "method");
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** The parameters as {@code k=v, k=v}, or the empty string. */
    public String paramsText() {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) ->
                b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    /** Whether this row is {@code group.method} with exactly these parameters. */
    boolean is(String group, String method, Map<String, String> params) {
        return this.group.equals(group) && this.method.equals(method) && this.params.equals(params);
    }
}
