package test;

import io.kmon.annotations.Monitored;

/** Redeclared methods with narrower return types. */
@Monitored
public interface Covariant extends Base {
    @Override
    String value();

    @Override
    String text();
}

/** The wider declarations. */
interface Base {
    Object value();

    CharSequence text();
}
