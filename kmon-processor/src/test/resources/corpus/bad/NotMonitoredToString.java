package test;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.NotMonitored;

@Monitored
public interface NotMonitoredToString {
    void run();

    @NotMonitored
    String toString();
}
