package test;

import io.kmon.annotations.Monitored;

/** A whole interface deprecated for removal. */
@Deprecated(since = "2", forRemoval = true)
@Monitored
public interface RetiringType {
    String last();
}
