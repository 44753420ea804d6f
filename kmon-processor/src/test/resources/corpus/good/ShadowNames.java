package test;

import io.kmon.annotations.Monitored;

/** Parameters, methods and method type variables named like every name the generated code uses. */
@Monitored
public interface ShadowNames {
    String call(String System, Throwable Throwable, int StackOverflowError, Object Object);

    long locals(long start, long result, long error, long overflow, long delegate, long component, long kmon,
            long other);

    int java(int java, int javax, int io);

    void Kmon(String Objects, String AlertLevel, String MethodMonitor, String ComponentMonitor, String Override,
            String SuppressWarnings, String Deprecated, String Generated, String SafeVarargs);

    String String(String String);

    <System, Throwable extends Exception> System generic(Throwable failure) throws Throwable;

    void System();

    void Objects();
}
