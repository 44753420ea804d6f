package test;

import io.kmon.annotations.Monitored;
import java.util.List;
import java.util.Map;

/** Generic methods: identity, several type parameters, a recursive enum bound. */
@Monitored
public interface Generics {
    <T> T identity(T value);

    <K, V extends List<K>> Map<K, V> index(V values);

    <E extends Enum<E>> E first(Class<E> type);
}
