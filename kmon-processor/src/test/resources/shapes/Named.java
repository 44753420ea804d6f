package test;

/** A plain super-interface with a default method. */
public interface Named {
    String name();

    default String greet() {
        return "hello " + name();
    }
}
