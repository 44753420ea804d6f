package test;

import io.kmon.annotations.Monitored;

/** A member type named like the generated class, which then names itself qualified. */
@Monitored
public interface SelfNamed {
    /** Named like the generated class. */
    class MonitoredSelfNamed {}

    MonitoredSelfNamed get();
}
