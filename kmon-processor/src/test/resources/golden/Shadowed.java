package test;

import io.kmon.annotations.Monitored;

/** Names that shadow what generated code uses, so MonitoredShadowed writes those qualified. */
@Monitored
public interface Shadowed<System> {
    System find(String Throwable, int java, long start);
}
