package io.kmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.kmon.Kmon;
import io.kmon.internal.ComponentMonitor;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.MetricsSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The basic contract of a generated class: same results, same exceptions, metrics, registration. */
class MonitoredProxyTest {
    private static final String INVENTORY = """
            package test;

            import io.kmon.annotations.Monitored;
            import java.io.IOException;

            @Monitored
            public interface Inventory {
                String find(int id) throws IOException;

                void restock(String sku, int count);
            }
            """;

    private static final String SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.io.IOException;
            import java.util.LinkedHashMap;
            import java.util.Map;
            import java.util.function.Function;

            public final class Scenario implements Function<Kmon, Object> {
                static final IOException DOWN = new IOException("down");
                static final IllegalArgumentException BAD_COUNT = new IllegalArgumentException("count");

                static final class Fake implements Inventory {
                    @Override
                    public String find(int id) throws IOException {
                        if (id < 0) {
                            throw DOWN;
                        }
                        return "item-" + id;
                    }

                    @Override
                    public void restock(String sku, int count) {
                        if (count < 0) {
                            throw BAD_COUNT;
                        }
                    }
                }

                @Override
                public Object apply(Kmon kmon) {
                    Inventory inventory = MonitoredInventory.wrap(new Fake(), kmon);
                    Map<String, Object> seen = new LinkedHashMap<>();
                    seen.put("registered", kmon.components().size());
                    try {
                        seen.put("find", inventory.find(7));
                        inventory.find(8);
                        inventory.find(-1);
                    } catch (IOException e) {
                        seen.put("sameChecked", e == DOWN);
                    }
                    inventory.restock("a", 1);
                    try {
                        inventory.restock("a", -1);
                    } catch (IllegalArgumentException e) {
                        seen.put("sameUnchecked", e == BAD_COUNT);
                        seen.put("sameStack", e.getStackTrace().length == BAD_COUNT.getStackTrace().length);
                    }
                    return seen;
                }
            }
            """;

    private static final String GLOBAL = """
            package test;

            import io.kmon.Kmon;
            import java.util.function.Function;

            public final class Global implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon ignored) {
                    return MonitoredInventory.wrap(new Scenario.Fake());
                }
            }
            """;

    private static final String NULLS = """
            package test;

            import io.kmon.Kmon;
            import java.util.function.Function;

            public final class Nulls implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon kmon) {
                    return MonitoredInventory.wrap(kmon == null ? new Scenario.Fake() : null, kmon);
                }
            }
            """;

    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        compilation = Compile.succeeding(
                Compile.source("Inventory", INVENTORY), Compile.source("Scenario", SCENARIO),
                Compile.source("Global", GLOBAL), Compile.source("Nulls", NULLS));
    }

    @Test
    void calls_returnTheDelegatesValueAndRethrowTheSameException() {
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "Scenario", Compile.kmon());

        assertEquals("item-7", seen.get("find"));
        assertEquals(true, seen.get("sameChecked"));
        assertEquals(true, seen.get("sameUnchecked"));
        assertEquals(true, seen.get("sameStack"));
    }

    @Test
    void calls_areCountedPerMethodWithErrorTypes() {
        Kmon kmon = Compile.kmon();
        Compile.run(compilation, "Scenario", kmon);
        MetricsSnapshot snapshot = kmon.snapshot();

        assertEquals(3, snapshot.count("kmon.calls", "component", "test.Inventory", "method", "find"));
        assertEquals(2, snapshot.count("kmon.successes", "component", "test.Inventory", "method", "find"));
        assertEquals(
                1,
                snapshot.count(
                        "kmon.errors", "component", "test.Inventory", "method", "find", "error_type", "IOException"));
        assertEquals(3, snapshot.count("kmon.duration", "component", "test.Inventory", "method", "find"));
        assertEquals(2, snapshot.count("kmon.calls", "component", "test.Inventory", "method", "restock"));
        assertEquals(
                1,
                snapshot.count(
                        "kmon.errors",
                        "component",
                        "test.Inventory",
                        "method",
                        "restock",
                        "error_type",
                        "IllegalArgumentException"));
        assertEquals(2, snapshot.sum("kmon.errors", "component", "test.Inventory"));
        assertEquals(2, snapshot.count(MetricNames.ERRORS_COUNT));
    }

    @Test
    void wrap_registersTheComponentBeforeAnyCall() {
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "Scenario", Compile.kmon());

        assertEquals(1, seen.get("registered"));
    }

    @Test
    void component_sumsItsMethods() {
        Kmon kmon = Compile.kmon();
        Compile.run(compilation, "Scenario", kmon);

        List<ComponentMonitor> components = kmon.components();
        assertEquals(1, components.size());
        assertEquals("test.Inventory", components.get(0).name());
        assertEquals("kmon", components.get(0).prefix());
        assertEquals(5, components.get(0).calls());
        assertEquals(2, components.get(0).errors());
    }

    @Test
    void wrapWithoutKmon_recordsIntoTheGlobalInstance() {
        Kmon global = Kmon.global();
        try {
            Compile.run(compilation, "Global", null);

            assertTrue(global.components().stream().anyMatch(c -> c.name().equals("test.Inventory")));
        } finally {
            global.close();
        }
    }

    @Test
    void wrap_rejectsANullDelegateOrKmonByName() {
        NullPointerException delegate =
                assertThrows(NullPointerException.class, () -> Compile.run(compilation, "Nulls", Compile.kmon()));
        NullPointerException kmon =
                assertThrows(NullPointerException.class, () -> Compile.run(compilation, "Nulls", null));

        assertEquals("delegate", delegate.getMessage());
        assertEquals("kmon", kmon.getMessage());
    }
}
