package test;

import io.kmon.annotations.Monitored;

/** Member types, declared and inherited, named like every type the generated code names. */
public final class NestedNames {
    private NestedNames() {}

    /** The monitored interface: it declares one such type and inherits the others. */
    @Monitored
    public interface Api extends RuntimeNames {
        /** Named like java.lang.String. */
        class String {}

        String echo(String value);

        Kmon kmon(Objects objects, AlertLevel level);

        void annotated(Override o, Deprecated d, SuppressWarnings s, SafeVarargs v, Generated g);

        StackOverflowError error(Throwable t, Object o, ComponentMonitor c, MethodMonitor m, System s);
    }

    /** Member types named like the runtime's and java.lang's. */
    public interface RuntimeNames {
        class System {}
        class Throwable {}
        class StackOverflowError {}
        class Object {}
        class Override {}
        class Deprecated {}
        class SafeVarargs {}
        class SuppressWarnings {}
        class Generated {}
        class Objects {}
        class Kmon {}
        class ComponentMonitor {}
        class MethodMonitor {}
        class AlertLevel {}
    }
}
