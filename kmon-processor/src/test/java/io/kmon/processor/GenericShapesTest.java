package io.kmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.kmon.Kmon;
import io.kmon.metrics.MetricsSnapshot;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generic interfaces and generic methods: bounds, wildcards, intersection bounds, generic throws. */
class GenericShapesTest {
    private static final String SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.io.FileNotFoundException;
            import java.util.ArrayList;
            import java.util.Collection;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.TreeMap;
            import java.util.function.Function;
            import java.util.function.Supplier;

            public final class RepoScenario implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon kmon) {
                    Map<String, Integer> data = new TreeMap<>(Map.of("a", 1, "b", 2));
                    Repo<String, Integer> fake = new Repo<>() {
                        @Override
                        public Integer get(String key) {
                            return data.get(key);
                        }

                        @Override
                        public List<Integer> getAll(Collection<? extends String> keys) {
                            List<Integer> values = new ArrayList<>();
                            keys.forEach(k -> values.add(data.get(k)));
                            return values;
                        }

                        @Override
                        public int putAll(Map<? extends String, ? extends Integer> entries) {
                            data.putAll(entries);
                            return data.size();
                        }

                        @Override
                        public <R extends Number & Comparable<R>> R measure(Function<? super Integer, R> metric, Integer value) {
                            return metric.apply(value);
                        }

                        @Override
                        public <E extends Exception> Integer getOrThrow(String key, Supplier<E> missing) throws E {
                            Integer value = data.get(key);
                            if (value == null) {
                                throw missing.get();
                            }
                            return value;
                        }
                    };
                    Repo<String, Integer> repo = MonitoredRepo.wrap(fake, kmon);
                    Map<String, Object> seen = new LinkedHashMap<>();
                    seen.put("get", repo.get("a"));
                    seen.put("getAll", repo.getAll(List.of("a", "b")));
                    seen.put("putAll", repo.putAll(Map.of("c", 3)));
                    Long measured = repo.measure(v -> v * 10L, 4);
                    seen.put("measure", measured);
                    try {
                        repo.getOrThrow("zzz", () -> new FileNotFoundException("zzz"));
                    } catch (FileNotFoundException e) {
                        seen.put("thrown", e.getMessage());
                    }
                    seen.put("getOrThrow", repo.<RuntimeException>getOrThrow("b", IllegalStateException::new));
                    return seen;
                }
            }
            """;

    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        compilation = Compile.succeeding(Compile.shape("Repo"), Compile.source("RepoScenario", SCENARIO));
    }

    @Test
    void genericInterface_keepsItsTypeParametersAndBounds() {
        TypeVariable<?>[] variables =
                Compile.load(compilation, "test.MonitoredRepo").getTypeParameters();

        assertEquals(
                List.of("K", "V"),
                Arrays.stream(variables).map(TypeVariable::getName).toList());
        assertEquals("java.lang.Comparable<K>", variables[0].getBounds()[0].getTypeName());
    }

    @Test
    void genericMethods_passValuesAndGenericExceptionsThrough() {
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "RepoScenario", Compile.kmon());

        assertEquals(1, seen.get("get"));
        assertEquals(List.of(1, 2), seen.get("getAll"));
        assertEquals(3, seen.get("putAll"));
        assertEquals(40L, seen.get("measure"));
        assertEquals("zzz", seen.get("thrown"));
        assertEquals(2, seen.get("getOrThrow"));
    }

    @Test
    void genericMethods_areCountedLikeAnyOther() {
        Kmon kmon = Compile.kmon();
        Compile.run(compilation, "RepoScenario", kmon);
        MetricsSnapshot snapshot = kmon.snapshot();

        for (String method : List.of("get", "getAll", "putAll", "measure")) {
            assertEquals(1, snapshot.count("kmon.calls", "component", "test.Repo", "method", method), method);
        }
        assertEquals(2, snapshot.count("kmon.calls", "component", "test.Repo", "method", "getOrThrow"));
        assertEquals(
                1,
                snapshot.count(
                        "kmon.errors",
                        "component",
                        "test.Repo",
                        "method",
                        "getOrThrow",
                        "error_type",
                        "FileNotFoundException"));
    }
}
