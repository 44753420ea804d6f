package clash;

import io.kmon.annotations.Monitored;

/** A package that declares types named like java.lang and kmon types, and a nested one too. */
@Monitored
public interface Clock {
    /** A member type named like java.util.Objects, which generated code uses. */
    final class Objects {
        public static String of(String value) {
            return "clock:" + value;
        }
    }

    Kmon now(Objects unused);

    System system(String name);
}
