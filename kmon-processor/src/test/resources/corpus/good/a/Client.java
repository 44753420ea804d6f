package a;

import io.kmon.annotations.Monitored;

/** The same simple name as b.Client, with the default name and prefix: its own component. */
@Monitored
public interface Client {
    String fetch(String key);
}
