package test;

import io.kmon.annotations.Monitored;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** Optional and stream results, returned as they are. */
@Monitored
public interface Optionals {
    Optional<String> find(String key);

    OptionalInt index(String key);

    Stream<String> lines();
}
