package test;

import io.kmon.annotations.SlowAlert;

public class SlowOnClass {
    @SlowAlert(millis = 100)
    public void run() {}
}
