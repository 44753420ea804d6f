package test;

import io.kmon.annotations.AlertLevel;
import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;
import io.kmon.annotations.NotMonitored;
import io.kmon.annotations.SlowAlert;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

/** Alert settings on the interface and on one method. */
@Monitored
@SlowAlert(millis = 250)
@AlertOn(ConnectException.class)
public interface Gateway {
    String fetch(String id) throws IOException;

    @SlowAlert(millis = 2_000, level = AlertLevel.CRITICAL)
    @AlertOn({SocketTimeoutException.class, ConnectException.class})
    String slow(String id) throws IOException;

    @NotMonitored
    String id();
}
