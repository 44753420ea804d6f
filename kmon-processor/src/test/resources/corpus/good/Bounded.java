package test;

import io.kmon.annotations.Monitored;
import java.util.Collection;
import java.util.List;

/** A type parameter with an intersection bound. */
@Monitored
public interface Bounded<T extends Number & Comparable<T>> {
    T max(T first, T second);

    List<T> sorted(Collection<? extends T> values);
}
