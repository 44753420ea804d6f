package test;

import io.kmon.annotations.Monitored;
import java.util.Locale;

/** Default methods, a private helper and a static factory. */
@Monitored
public interface Defaults {
    String name();

    default String greeting() {
        return "hi " + name();
    }

    default String shout() {
        return upper(name());
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    static Defaults of(String name) {
        return () -> name;
    }
}
