package io.kmon.benchmarks.report;

/**
 * Heap per monitored method, from the difference in retained size of a {@code Kmon} before and
 * after registering {@code methods} methods (see {@code io.kmon.benchmarks.FootprintProbe}).
 *
 * @param methods how many methods the measurement registered
 * @param freshBytes bytes per method right after wrapping, before any call
 * @param usedBytes bytes per method after one success and one failure on each
 * @param hotBytes bytes per method after two threads hammered each at once (striped adders grown)
 * @param wrapBytes bytes per method when one {@code MonitoredService.wrap} is all a {@code Kmon} holds
 *     (its component and shared counters spread over only that interface's methods)
 * @param proxyBytes the shallow size of one generated proxy object (its handles are shared)
 * @param spanBytes bytes per method whose calls span 1 µs to 1 s, every octave in both window
 *     halves and in the cumulative counts
 * @param worstBytes the same for calls spanning every octave a timer keeps (1 ns to 2^53 ns)
 * @param breakdown the largest classes in the difference, as {@code count x class = bytes} lines
 */
public record Footprint(
        int methods,
        double freshBytes,
        double usedBytes,
        double hotBytes,
        double wrapBytes,
        long proxyBytes,
        double spanBytes,
        double worstBytes,
        String breakdown) {}
