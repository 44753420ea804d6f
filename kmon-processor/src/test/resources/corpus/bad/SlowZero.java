package test;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;

@Monitored
public interface SlowZero {
    @SlowAlert(millis = 0)
    void run();
}
