package test;

import io.kmon.annotations.Monitored;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/** Object's public methods redeclared with type-use annotations: still Object's, so delegated. */
@Monitored
public interface ObjectRedeclared {
    @Override
    boolean equals(@Maybe Object other);

    @Override
    @Maybe int hashCode();

    @Override
    @Maybe String toString();

    String name();
}

/** A type-use annotation, as JSpecify's and the Checker Framework's are. */
@Target(ElementType.TYPE_USE)
@interface Maybe {}
