package test;

import io.kmon.annotations.Monitored;

/** Arrays of primitives, of references, of arrays; an array parameter is passed as is. */
@Monitored
public interface Arrays {
    int[][] matrix(int size);

    String[] split(String text);

    Object[] objects(Object[] values);

    long[] longs(long[] values);
}
