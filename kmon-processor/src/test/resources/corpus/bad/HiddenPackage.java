package test;

import io.kmon.annotations.Monitored;

/** The type variable System makes the generated class write java.lang.System, and the constant hides java. */
@Monitored
public interface HiddenPackage<System> {
    int java = 1;

    System read(System key);
}
