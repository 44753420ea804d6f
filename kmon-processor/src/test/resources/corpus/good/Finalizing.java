package test;

import io.kmon.annotations.Monitored;

/** Object's protected methods, which an interface may redeclare: ordinary monitored methods. */
@Monitored
public interface Finalizing {
    void finalize() throws Throwable;

    Object clone() throws CloneNotSupportedException;
}
