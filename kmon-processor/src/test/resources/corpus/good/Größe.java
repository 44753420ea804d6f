package test;

import io.kmon.annotations.Monitored;

/** Non-ASCII identifiers: the tags keep them. */
@Monitored
public interface Größe {
    int höhe();

    String naïve(String café);
}
