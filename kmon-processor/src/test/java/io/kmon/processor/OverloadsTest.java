package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.kmon.Kmon;
import io.kmon.metrics.MetricsSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Overloaded methods get distinct method tags with their erased parameter types. */
class OverloadsTest {
    private static final String SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.function.Function;

            public final class FinderScenario implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon kmon) {
                    Finder fake = new Finder() {
                        @Override public String find() { return "none"; }
                        @Override public String find(int id) { return "int"; }
                        @Override public String find(String key) { return "String"; }
                        @Override public String find(int[] ids) { return "int[]"; }
                        @Override public String find(List<String> keys) { return "List"; }
                        @Override public String find(Object... keys) { return "Object..."; }
                        @Override public String other(int id) { return "other"; }
                    };
                    Finder finder = MonitoredFinder.wrap(fake, kmon);
                    Map<String, Object> seen = new LinkedHashMap<>();
                    seen.put("find()", finder.find());
                    seen.put("find(int)", finder.find(1));
                    seen.put("find(String)", finder.find("k"));
                    seen.put("find(int[])", finder.find(new int[] {1}));
                    seen.put("find(List)", finder.find(List.of("k")));
                    seen.put("find(Object...)", finder.find(1, "k"));
                    seen.put("other", finder.other(1) + finder.other(2));
                    return seen;
                }
            }
            """;

    @Test
    void overloads_areToldApartInTheMethodTag() {
        Compilation compilation =
                Compile.succeeding(Compile.shape("Finder"), Compile.source("FinderScenario", SCENARIO));
        Kmon kmon = Compile.kmon();
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "FinderScenario", kmon);
        MetricsSnapshot snapshot = kmon.snapshot();

        for (String tag :
                List.of("find()", "find(int)", "find(String)", "find(int[])", "find(List)", "find(Object...)")) {
            assertEquals(1, snapshot.count("kmon.calls", "component", "test.Finder", "method", tag), tag);
            assertEquals(
                    tag.substring(5, tag.length() - 1).isEmpty() ? "none" : tag.substring(5, tag.length() - 1),
                    seen.get(tag),
                    tag);
        }
        assertEquals(2, snapshot.count("kmon.calls", "component", "test.Finder", "method", "other"));
        assertEquals(8, snapshot.sum("kmon.successes", "component", "test.Finder"));
    }

    @Test
    void overloadsWhoseSimpleNamesCollide_useQualifiedNames() {
        Compilation compilation = Compile.succeeding(Compile.source("Lists", """
                package test;

                import io.kmon.annotations.Monitored;

                @Monitored
                public interface Lists {
                    int find(java.util.List<String> values);

                    int find(java.awt.List widget);
                }
                """));
        String source = Golden.generatedSource(compilation, "test.MonitoredLists");

        assertThat(source).contains("find_List = component.method(\"find(java.util.List)\"");
        assertThat(source).contains("find_List_2 = component.method(\"find(java.awt.List)\"");
    }
}
