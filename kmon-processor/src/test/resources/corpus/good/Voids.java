package test;

import io.kmon.annotations.Monitored;
import java.io.IOException;

/** Void methods, with and without parameters and checked exceptions. */
@Monitored
public interface Voids {
    void run();

    void accept(String value, int times);

    void write(byte[] data) throws IOException;
}
