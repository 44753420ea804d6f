package io.kmon.alert;

import java.time.Duration;

/** Wording shared by the built-in rules. */
final class Rules {
    private Rules() {}

    /** {@code 1h}, {@code 30m}, {@code 45s}: a window as people write it. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s > 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s > 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
