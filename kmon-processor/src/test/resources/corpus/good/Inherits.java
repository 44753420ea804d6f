package test;

import io.kmon.annotations.Monitored;
import java.util.function.Supplier;

/** Methods inherited from generic JDK interfaces, given type arguments. */
@Monitored
public interface Inherits extends Supplier<String>, Comparable<Inherits> {
    String extra();
}
