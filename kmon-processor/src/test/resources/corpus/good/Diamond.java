package test;

import io.kmon.annotations.Monitored;

/** The same method from two super-interfaces, and a default from one. */
@Monitored
public interface Diamond extends Left, Right {}

/** Declares id. */
interface Left {
    String id();
}

/** Declares id too, and a default. */
interface Right {
    String id();

    default int weight() {
        return 1;
    }
}
