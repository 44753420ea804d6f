package test;

import io.kmon.annotations.Monitored;

/** Constants, and a nested enum and record used in the signatures. */
@Monitored
public interface Modes {
    int DEFAULT_LIMIT = 10;

    /** How to run. */
    enum Mode { FAST, SAFE }

    /** Two numbers. */
    record Pair(int left, int right) {}

    Mode mode(String name);

    Pair swap(Pair pair);
}
