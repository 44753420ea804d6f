package test;

import io.kmon.annotations.Monitored;

/** Every primitive type, in and out. */
@Monitored
public interface Primitives {
    boolean flag(boolean value);

    byte octet(byte value);

    short small(short value);

    char letter(char value);

    int number(int value);

    long big(long value);

    float ratio(float value);

    double precise(double value);
}
