package test;

import io.kmon.annotations.Monitored;

/** Boxed types, which may be null, and an abstract Number. */
@Monitored
public interface Boxed {
    Integer boxed(Integer value);

    Long count();

    Boolean maybe(Boolean value);

    Number number(Number value);
}
