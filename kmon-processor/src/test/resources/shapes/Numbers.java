package test;

import io.kmon.annotations.Monitored;
import java.util.List;

/** Primitives, arrays, varargs and void. */
@Monitored
public interface Numbers {
    int add(int a, int b);

    long multiply(long a, long b);

    double half(double value);

    float third(float value);

    boolean not(boolean value);

    char upper(char value);

    byte negate(byte value);

    short twice(short value);

    int[] range(int n);

    String[][] grid(int rows, int columns);

    int sum(int... values);

    String join(String separator, String... parts);

    @SuppressWarnings("unchecked")
    <T> List<T> listOf(T... items);

    void reset();
}
