package test;

import io.kmon.annotations.Monitored;

/** A type variable named like the generated class. */
@Monitored
public interface SelfTypeVar<MonitoredSelfTypeVar> {
    MonitoredSelfTypeVar get(MonitoredSelfTypeVar value);
}
