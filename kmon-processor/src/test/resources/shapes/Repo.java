package test;

import io.kmon.annotations.Monitored;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** A generic interface with bounded, wildcard and generic-method signatures. */
@Monitored
public interface Repo<K extends Comparable<K>, V> {
    V get(K key);

    List<V> getAll(Collection<? extends K> keys);

    int putAll(Map<? extends K, ? extends V> entries);

    <R extends Number & Comparable<R>> R measure(Function<? super V, R> metric, V value);

    <E extends Exception> V getOrThrow(K key, Supplier<E> missing) throws E;
}
