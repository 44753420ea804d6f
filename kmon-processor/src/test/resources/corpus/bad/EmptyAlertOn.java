package test;

import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;

@Monitored
public interface EmptyAlertOn {
    @AlertOn({})
    void run();
}
