package test;

import io.kmon.annotations.Monitored;

/** A deprecated enclosing class: the nested interface is not deprecated itself. */
@Deprecated
public final class OldOuter {
    private OldOuter() {}

    /** Generates MonitoredOldOuter_Api. */
    @Monitored
    public interface Api {
        String call();
    }
}
