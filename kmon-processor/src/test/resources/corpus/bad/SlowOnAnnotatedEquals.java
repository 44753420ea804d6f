package test;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/** equals with a type-use annotation is still Object's equals: never monitored, so no alert. */
@Monitored
public interface SlowOnAnnotatedEquals {
    void run();

    @SlowAlert(millis = 5)
    boolean equals(@Absent Object other);
}

/** A type-use annotation. */
@Target(ElementType.TYPE_USE)
@interface Absent {}
