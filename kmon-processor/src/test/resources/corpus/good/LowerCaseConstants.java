package test;

import io.kmon.annotations.Monitored;

/** Constants named like the packages generated code names: harmless while nothing is written qualified. */
@Monitored
public interface LowerCaseConstants {
    int java = 1;
    int javax = 2;
    int io = 3;

    String read(String key);
}
