package test;

import io.kmon.annotations.Monitored;

/** An F-bounded type parameter. */
@Monitored
public interface SelfBounded<T extends SelfBounded<T>> {
    T self();

    int compare(T other);
}
