package test;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.NotMonitored;
import java.util.List;
import java.util.Map;

/** Raw types, with their warnings suppressed where they are declared, and an unmonitored method. */
@Monitored
public interface LegacyRaw {
    @SuppressWarnings("rawtypes")
    List legacy(Map values);

    @NotMonitored
    String version();
}
