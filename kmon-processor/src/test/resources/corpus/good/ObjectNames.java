package test;

import io.kmon.annotations.Monitored;

/** Overloads of Object's method names, which are ordinary monitored methods. */
@Monitored
public interface ObjectNames {
    boolean equals(String other);

    int hashCode(int seed);

    String toString(String format);

    void notify(String message);
}
