package test;

import io.kmon.annotations.Monitored;

/** A non-sealed interface in a sealed hierarchy can be implemented, so it can be monitored. */
@Monitored
public non-sealed interface Circle extends Figure {
    double radius();
}

/** The sealed parent. */
sealed interface Figure permits Circle, Square {}

/** The other permitted subtype. */
final class Square implements Figure {}
