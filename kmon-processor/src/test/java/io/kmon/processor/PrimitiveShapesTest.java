package io.kmon.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.kmon.Kmon;
import io.kmon.metrics.MetricsSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Primitives, arrays, varargs (plain and generic) and void. */
class PrimitiveShapesTest {
    private static final List<String> METHODS = List.of(
            "add",
            "multiply",
            "half",
            "third",
            "not",
            "upper",
            "negate",
            "twice",
            "range",
            "grid",
            "sum",
            "join",
            "listOf",
            "reset");

    private static final String SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.util.Arrays;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.function.Function;

            public final class NumbersScenario implements Function<Kmon, Object> {
                static final class Fake implements Numbers {
                    int resets;

                    @Override public int add(int a, int b) { return a + b; }
                    @Override public long multiply(long a, long b) { return a * b; }
                    @Override public double half(double value) { return value / 2; }
                    @Override public float third(float value) { return value / 3; }
                    @Override public boolean not(boolean value) { return !value; }
                    @Override public char upper(char value) { return Character.toUpperCase(value); }
                    @Override public byte negate(byte value) { return (byte) -value; }
                    @Override public short twice(short value) { return (short) (2 * value); }
                    @Override public int[] range(int n) { int[] r = new int[n]; Arrays.setAll(r, i -> i); return r; }
                    @Override public String[][] grid(int rows, int columns) { return new String[rows][columns]; }
                    @Override public int sum(int... values) { return Arrays.stream(values).sum(); }
                    @Override public String join(String separator, String... parts) { return String.join(separator, parts); }
                    @SafeVarargs @Override public final <T> List<T> listOf(T... items) { return List.of(items); }
                    @Override public void reset() { resets++; }
                }

                @Override
                public Object apply(Kmon kmon) {
                    Fake fake = new Fake();
                    Numbers numbers = MonitoredNumbers.wrap(fake, kmon);
                    Map<String, Object> seen = new LinkedHashMap<>();
                    seen.put("add", numbers.add(2, 3));
                    seen.put("multiply", numbers.multiply(4_000_000_000L, 2));
                    seen.put("half", numbers.half(3.0));
                    seen.put("third", numbers.third(3f));
                    seen.put("not", numbers.not(false));
                    seen.put("upper", numbers.upper('k'));
                    seen.put("negate", numbers.negate((byte) 7));
                    seen.put("twice", numbers.twice((short) 21));
                    seen.put("range", numbers.range(3));
                    seen.put("grid", numbers.grid(2, 3).length);
                    seen.put("sum", numbers.sum(1, 2, 3));
                    seen.put("join", numbers.join("-", "a", "b", "c"));
                    seen.put("listOf", numbers.listOf("x", "y"));
                    numbers.reset();
                    seen.put("reset", fake.resets);
                    return seen;
                }
            }
            """;

    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        compilation = Compile.succeeding(Compile.shape("Numbers"), Compile.source("NumbersScenario", SCENARIO));
    }

    @Test
    void everyShape_returnsTheDelegatesValue() {
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "NumbersScenario", Compile.kmon());

        assertEquals(5, seen.get("add"));
        assertEquals(8_000_000_000L, seen.get("multiply"));
        assertEquals(1.5, seen.get("half"));
        assertEquals(1f, seen.get("third"));
        assertEquals(true, seen.get("not"));
        assertEquals('K', seen.get("upper"));
        assertEquals((byte) -7, seen.get("negate"));
        assertEquals((short) 42, seen.get("twice"));
        assertArrayEquals(new int[] {0, 1, 2}, (int[]) seen.get("range"));
        assertEquals(2, seen.get("grid"));
        assertEquals(6, seen.get("sum"));
        assertEquals("a-b-c", seen.get("join"));
        assertEquals(List.of("x", "y"), seen.get("listOf"));
        assertEquals(1, seen.get("reset"));
    }

    @Test
    void everyShape_isCountedOnce() {
        Kmon kmon = Compile.kmon();
        Compile.run(compilation, "NumbersScenario", kmon);
        MetricsSnapshot snapshot = kmon.snapshot();

        for (String method : METHODS) {
            assertEquals(1, snapshot.count("kmon.successes", "component", "test.Numbers", "method", method), method);
            assertEquals(1, snapshot.count("kmon.duration", "component", "test.Numbers", "method", method), method);
        }
    }
}
