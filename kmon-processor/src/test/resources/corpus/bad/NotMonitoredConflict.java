package test;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.NotMonitored;
import io.kmon.annotations.SlowAlert;

@Monitored
public interface NotMonitoredConflict {
    @SlowAlert(millis = 100) @NotMonitored
    void run();
}
