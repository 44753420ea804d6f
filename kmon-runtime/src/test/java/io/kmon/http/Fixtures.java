package io.kmon.http;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.internal.MethodMonitor;
import io.kmon.testing.FakeClock;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A {@link Kmon} with recorded calls, as generated code would leave it. */
final class Fixtures {
    private Fixtures() {}

    /** An isolated instance on {@code clock}, without a background thread. */
    static Kmon kmon(FakeClock clock) {
        return Kmon.builder()
                .clock(clock)
                .backgroundThread(false)
                .systemMetrics(false)
                .build();
    }

    /**
     * Records calls of {@code Orders.find} (api prefix: 9 ok, 1 IOException), {@code Orders.cancel}
     * (kmon prefix: 2 ok), a counter, a gauge and a tagged timer whose tag needs escaping.
     */
    static void record(Kmon kmon) {
        MethodMonitor find = kmon.component("Orders", "api").method("find", 0, AlertLevel.WARNING);
        for (int i = 1; i <= 9; i++) {
            find.success(TimeUnit.MILLISECONDS.toNanos(i * 10L));
        }
        find.failure(TimeUnit.MILLISECONDS.toNanos(200), new IOException("disk"));
        MethodMonitor cancel = kmon.component("Billing", "kmon").method("cancel", 0, AlertLevel.WARNING);
        cancel.success(TimeUnit.MILLISECONDS.toNanos(5));
        cancel.success(TimeUnit.MILLISECONDS.toNanos(7));
        kmon.counter("user.login", "realm", "a \"quoted\" \\ realm\nwith newline")
                .increment();
        kmon.gauge("sessions.active", () -> 3);
        kmon.timer("db.query", "table", "users").record(TimeUnit.MILLISECONDS.toNanos(12));
    }
}
