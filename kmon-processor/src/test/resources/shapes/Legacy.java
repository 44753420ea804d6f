package test;

import io.kmon.annotations.Monitored;

/** Deprecated interface and method: the generated class follows without warnings. */
@Deprecated
@Monitored
public interface Legacy {
    @Deprecated
    String old();

    String current();
}
