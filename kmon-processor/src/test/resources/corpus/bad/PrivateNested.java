package test;

import io.kmon.annotations.Monitored;

public class PrivateNested {
    @Monitored private interface Secret { void run(); }
}
