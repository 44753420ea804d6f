package test;

import io.kmon.annotations.Monitored;

/** A component name that tries to close the generated javadoc and declare a class. */
@Monitored(name = "billing */ final class Injected { static { System.setProperty(\"kmon.injected\", \"ran\"); } } /*"
        + " \\u002a/ {@code } @see <b>&amp;</b>\n * @deprecated")
public interface Injection {
    void charge(long cents);
}
