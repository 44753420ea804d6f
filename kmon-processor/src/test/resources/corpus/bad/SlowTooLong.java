package test;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;

@Monitored
public interface SlowTooLong {
    @SlowAlert(millis = Long.MAX_VALUE)
    void run();
}
