package test;

import io.kmon.annotations.Monitored;

public class InPrivateClass {
    private static class Inner {
        @Monitored interface Api { void run(); }
    }
}
