package io.kmon;

import java.time.Duration;
import java.util.Objects;

/** The checks of {@link KmonBuilder}'s settings, in one place so each kind of bound reads and fails alike. */
final class SettingChecks {
    private SettingChecks() {}

    static int positive(int n, String name) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + n);
        }
        return n;
    }

    static long notNegative(long n, String name) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + n);
        }
        return n;
    }

    static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }

    static Duration notNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return d;
    }

    /** {@code ratio} when it is within [0, 1] (NaN is not). */
    static double fraction(double ratio, String name) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1]: " + ratio);
        }
        return ratio;
    }
}
