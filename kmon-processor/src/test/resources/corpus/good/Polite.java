package test;

import io.kmon.annotations.Monitored;

/** A default method overriding a super-interface's default. */
@Monitored
public interface Polite extends Greeter {
    @Override
    default String hello() {
        return "good day";
    }
}

/** The plain greeter. */
interface Greeter {
    default String hello() {
        return "hello";
    }
}
