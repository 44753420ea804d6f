package test;

import io.kmon.annotations.Monitored;

/** Parameter and method names that the generated code also uses. */
@Monitored
public interface Clashes {
    String call(long start, String result, Throwable error, Object delegate);

    int delegate(int kmon);

    int start(int component);

    int result(int find);
}
