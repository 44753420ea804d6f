package test;

import io.kmon.annotations.Monitored;

/** Varargs after other parameters, of references and of primitives. */
@Monitored
public interface Varargs {
    String format(String pattern, Object... args);

    int count(int first, int... rest);
}
