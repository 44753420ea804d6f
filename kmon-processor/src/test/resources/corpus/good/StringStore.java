package test;

import io.kmon.annotations.Monitored;

/** A generic super-interface given concrete type arguments. */
@Monitored
public interface StringStore extends Store<String, Integer> {
    int size();
}

/** The generic store. */
interface Store<K, V> {
    V get(K key);

    void put(K key, V value);
}
