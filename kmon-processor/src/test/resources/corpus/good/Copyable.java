package test;

import io.kmon.annotations.Monitored;

/** clone redeclared with a covariant return and no checked exception. */
@Monitored
public interface Copyable {
    Copyable clone();

    @Deprecated
    void finalize();
}
