package test;

import io.kmon.annotations.NotMonitored;

public interface NotMonitoredOutside {
    @NotMonitored
    void run();
}
