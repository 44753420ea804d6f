package test;

import io.kmon.annotations.Monitored;
import java.util.List;
import java.util.Map;

/** Upper- and lower-bounded wildcards. */
@Monitored
public interface Wildcards {
    int size(Map<String, ? super Integer> entries);

    List<? extends CharSequence> names();

    void copy(List<? super String> into, List<? extends String> from);
}
