package test;

import io.kmon.annotations.Monitored;

public class LocalHolder {
    void method() {
        @Monitored interface Local { void run(); }
    }
}
