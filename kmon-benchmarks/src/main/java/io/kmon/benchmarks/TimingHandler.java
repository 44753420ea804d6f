package io.kmon.benchmarks;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.internal.ComponentMonitor;
import io.kmon.internal.MethodMonitor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What kmon would be without its processor: a {@link Proxy} whose handler does the generated
 * code's work at run time. It records into the same {@link MethodMonitor} handles, so the only
 * difference from {@code MonitoredService} is the dynamic dispatch: a map lookup by
 * {@link Method}, {@link Method#invoke}, the argument array and boxing.
 */
final class TimingHandler implements InvocationHandler {
    private final Object delegate;
    private final Map<Method, MethodMonitor> handles;

    private TimingHandler(Object delegate, Map<Method, MethodMonitor> handles) {
        this.delegate = delegate;
        this.handles = handles;
    }

    /** A dynamic proxy of {@code type} around {@code delegate}, recording into component {@code name}. */
    static <T> T wrap(Class<T> type, T delegate, Kmon kmon, String name) {
        Objects.requireNonNull(delegate, "delegate");
        ComponentMonitor component = kmon.component(name, "kmon");
        Map<Method, MethodMonitor> handles = new HashMap<>();
        for (Method m : type.getMethods()) {
            handles.put(m, component.method(m.getName(), 0, AlertLevel.WARNING));
        }
        Object proxy = Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, new TimingHandler(delegate, handles));
        return type.cast(proxy);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        MethodMonitor handle = handles.get(method);
        if (handle == null) { // equals, hashCode, toString: not monitored
            return method.invoke(delegate, args);
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            handle.failure(System.nanoTime() - start, cause);
            throw cause;
        }
        handle.success(System.nanoTime() - start);
        return result;
    }
}
