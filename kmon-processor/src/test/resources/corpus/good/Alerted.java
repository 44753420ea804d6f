package test;

import io.kmon.annotations.AlertLevel;
import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;
import java.io.IOException;

/** Alert settings on the interface, replaced or extended on methods. */
@Monitored
@SlowAlert(millis = 100)
@AlertOn(IOException.class)
public interface Alerted {
    @SlowAlert(millis = 5, level = AlertLevel.CRITICAL)
    String slow() throws IOException;

    @AlertOn(IllegalStateException.class)
    String strict();

    String plain();
}
