package test;

/** A generic super-interface, inherited with a type argument. */
public interface Source<T> {
    T next();
}
