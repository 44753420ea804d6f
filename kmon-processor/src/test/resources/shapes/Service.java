package test;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.NotMonitored;

/**
 * Inherited and default methods, a static method, a not-monitored method and redeclared
 * Object methods.
 */
@Monitored
public interface Service extends Named, Source<String> {
    static Service constant(String value) {
        return new Service() {
            @Override
            public String name() {
                return value;
            }

            @Override
            public String next() {
                return value;
            }

            @Override
            public String version() {
                return value;
            }
        };
    }

    default int twice(int value) {
        return 2 * value;
    }

    @NotMonitored
    String version();

    @Override
    boolean equals(Object other);

    @Override
    int hashCode();

    @Override
    String toString();
}
