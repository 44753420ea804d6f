package io.kmon.benchmarks;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.internal.ComponentMonitor;
import io.kmon.internal.MethodMonitor;
import java.util.ArrayList;
import java.util.List;

/**
 * Many monitored methods in one {@code Kmon}, registered as generated {@code wrap} code does
 * ({@code kmon.component(...).method(...)}), ten per component: one {@code @Monitored}
 * interface cannot have a thousand methods, a service can.
 */
final class MonitoredMethods {
    static final int PER_COMPONENT = 10;

    private MonitoredMethods() {}

    /** {@code count} method handles (a multiple of ten) in components {@code component_0...}. */
    static List<MethodMonitor> register(Kmon kmon, int count) {
        if (count <= 0 || count % PER_COMPONENT != 0) {
            throw new IllegalArgumentException("count must be a positive multiple of " + PER_COMPONENT + ": " + count);
        }
        List<MethodMonitor> handles = new ArrayList<>(count);
        for (int c = 0; c < count / PER_COMPONENT; c++) {
            ComponentMonitor component = kmon.component("component_" + c, "kmon");
            for (int m = 0; m < PER_COMPONENT; m++) {
                handles.add(component.method("method_" + m, 0, AlertLevel.WARNING));
            }
        }
        return handles;
    }

    /** Gives every handle a spread of durations and one failure, so every series has data to export. */
    static void exercise(List<MethodMonitor> handles) {
        for (MethodMonitor h : handles) {
            for (int i = 0; i < 100; i++) {
                h.success(1_000 + i * 997L);
            }
            h.failure(50_000, BenchFailure.INSTANCE);
        }
    }
}
