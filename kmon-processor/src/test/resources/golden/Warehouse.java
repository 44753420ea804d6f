package test;

import io.kmon.annotations.AlertLevel;
import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;
import io.kmon.annotations.NotMonitored;
import io.kmon.annotations.SlowAlert;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The golden file's input: most shapes the processor handles, in one interface. */
@Monitored(name = "warehouse", prefix = "shop")
@SlowAlert(millis = 500)
@AlertOn(ConnectException.class)
public interface Warehouse<T extends Comparable<T>> {
    String find(int id) throws IOException;

    String find(String sku);

    @SlowAlert(millis = 2_000, level = AlertLevel.ERROR)
    @AlertOn(SocketTimeoutException.class)
    void restock(String sku, int... counts);

    @SuppressWarnings("unchecked")
    <U> List<U> collect(U... items);

    CompletableFuture<T> reserve(List<? extends T> items);

    <X extends Exception> void audit() throws X;

    @NotMonitored
    String region();

    default long capacity() {
        return 100;
    }

    static Warehouse<String> empty() {
        return null;
    }
}
