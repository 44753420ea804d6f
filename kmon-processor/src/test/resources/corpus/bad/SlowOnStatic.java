package test;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;

@Monitored
public interface SlowOnStatic {
    void run();

    @SlowAlert(millis = 100)
    static SlowOnStatic create() { return null; }
}
