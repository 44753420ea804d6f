package io.kmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import io.kmon.Kmon;
import io.kmon.metrics.MetricsSnapshot;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inherited and default methods are monitored; static methods are not part of the class;
 * equals, hashCode, toString and {@code @NotMonitored} methods are passed through unmonitored.
 */
class InheritanceTest {
    private static final String SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.util.LinkedHashMap;
            import java.util.Map;
            import java.util.function.Function;

            public final class ServiceScenario implements Function<Kmon, Object> {
                static final class Fake implements Service {
                    @Override public String name() { return "svc"; }
                    @Override public String next() { return "n1"; }
                    @Override public String version() { return "1.0"; }
                    @Override public int twice(int value) { return 3 * value; } // the delegate's own, not the default
                    @Override public String toString() { return "fake-service"; }
                }

                @Override
                public Object apply(Kmon kmon) {
                    Fake fake = new Fake();
                    Service service = MonitoredService.wrap(fake, kmon);
                    Service again = MonitoredService.wrap(fake, kmon);
                    Map<String, Object> seen = new LinkedHashMap<>();
                    seen.put("name", service.name());
                    seen.put("greet", service.greet());
                    seen.put("next", service.next());
                    seen.put("twice", service.twice(5));
                    seen.put("version", service.version());
                    seen.put("toString", service.toString());
                    seen.put("hashCode", service.hashCode() == fake.hashCode());
                    seen.put("equalsSelf", service.equals(service));
                    seen.put("equalsOtherProxy", service.equals(again));
                    seen.put("equalsOther", service.equals(MonitoredService.wrap(new Fake(), kmon)));
                    seen.put("static", Service.constant("c").name());
                    return seen;
                }
            }
            """;

    private static final String BOTH_SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.util.function.Function;

            public final class BothScenario implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon kmon) {
                    Both both = MonitoredBoth.wrap(() -> "read", kmon);
                    try {
                        String text = both.read();
                        return text;
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            """;

    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        compilation = Compile.succeeding(
                Compile.shape("Service"),
                Compile.shape("Named"),
                Compile.shape("Source"),
                Compile.shape("Both"),
                Compile.source("ServiceScenario", SCENARIO),
                Compile.source("BothScenario", BOTH_SCENARIO));
    }

    @Test
    void inheritedAndDefaultMethods_areMonitoredAndReachTheDelegate() {
        Kmon kmon = Compile.kmon();
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "ServiceScenario", kmon);
        MetricsSnapshot snapshot = kmon.snapshot();

        assertEquals("svc", seen.get("name"));
        assertEquals("hello svc", seen.get("greet"));
        assertEquals("n1", seen.get("next"));
        assertEquals(15, seen.get("twice"));
        // greet() runs the interface's default on the delegate, whose name() call is not the proxy's
        for (String method : List.of("name", "greet", "next", "twice")) {
            assertEquals(1, snapshot.count("kmon.calls", "component", "test.Service", "method", method), method);
        }
    }

    @Test
    void objectMethodsAndNotMonitored_arePassedThroughUncounted() {
        Kmon kmon = Compile.kmon();
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "ServiceScenario", kmon);

        assertEquals("1.0", seen.get("version"));
        assertEquals("fake-service", seen.get("toString"));
        assertEquals(true, seen.get("hashCode"));
        assertEquals(true, seen.get("equalsSelf"));
        assertEquals(true, seen.get("equalsOtherProxy"));
        assertEquals(false, seen.get("equalsOther"));
        assertEquals(4, kmon.snapshot().sum("kmon.successes", "component", "test.Service"));
        for (String method : List.of("version", "toString", "hashCode", "equals")) {
            assertEquals(0, kmon.snapshot().count("kmon.calls", "component", "test.Service", "method", method), method);
        }
    }

    @Test
    void staticMethods_stayOnTheInterface() {
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "ServiceScenario", Compile.kmon());
        Class<?> generated = Compile.load(compilation, "test.MonitoredService");

        assertEquals("c", seen.get("static"));
        assertFalse(Arrays.stream(generated.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals("constant")));
    }

    @Test
    void methodFromTwoSuperInterfaces_isImplementedOnceWithTheNarrowestSignature() throws Exception {
        Kmon kmon = Compile.kmon();
        Object text = Compile.run(compilation, "BothScenario", kmon);
        Method read = Compile.load(compilation, "test.MonitoredBoth").getMethod("read");

        assertEquals("read", text);
        assertEquals(String.class, read.getReturnType());
        assertEquals(List.of(IOException.class), List.of(read.getExceptionTypes()));
        assertEquals(1, kmon.snapshot().count("kmon.calls", "component", "test.Both", "method", "read"));
    }
}
