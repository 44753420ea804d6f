package test;

import io.kmon.annotations.Monitored;

/** A method deprecated for removal, and one merely deprecated. */
@Monitored
public interface Retiring {
    @Deprecated(since = "2", forRemoval = true)
    String gone();

    @Deprecated
    String old();

    String current();
}
