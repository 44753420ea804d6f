package test;

import io.kmon.annotations.Monitored;

/** Type variables of the interface named like java.lang types the generated code uses. */
@Monitored
public interface TypeVarNames<System, String, Object, Override, Throwable extends Exception> {
    String get(System key, Object value) throws Throwable;
}
