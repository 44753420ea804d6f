package test;

import io.kmon.annotations.SlowAlert;

public interface SlowOutside {
    @SlowAlert(millis = 100)
    void run();
}
