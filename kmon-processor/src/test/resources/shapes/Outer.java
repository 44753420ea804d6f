package test;

import io.kmon.annotations.Monitored;

/** Holds a nested monitored interface. */
public final class Outer {
    private Outer() {}

    /** Generates MonitoredOuter_Api. */
    @Monitored(name = "media_api", prefix = "api")
    public interface Api {
        String ping();
    }

    /** Package-private: so is its generated class. */
    @Monitored
    interface Hidden {
        void touch();
    }
}
