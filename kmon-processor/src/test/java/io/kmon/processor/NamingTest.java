package io.kmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.kmon.Kmon;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Names: nested interfaces, component name and prefix, visibility, and names the generated
 * code must not trip over (its own locals and fields, java.lang and kmon types, member types).
 */
class NamingTest {
    private static final String SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.util.LinkedHashMap;
            import java.util.Map;
            import java.util.function.Function;

            public final class NamingScenario implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon kmon) {
                    Map<String, Object> seen = new LinkedHashMap<>();
                    Outer.Api api = MonitoredOuter_Api.wrap(() -> "pong", kmon);
                    seen.put("ping", api.ping());

                    Clashes clashes = MonitoredClashes.wrap(new Clashes() {
                        @Override public String call(long start, String result, Throwable error, Object delegate) {
                            return start + result + error + delegate;
                        }
                        @Override public int delegate(int kmon) { return kmon + 1; }
                        @Override public int start(int component) { return component + 2; }
                        @Override public int result(int find) { return find + 3; }
                    }, kmon);
                    seen.put("call", clashes.call(1L, "r", null, "d"));
                    seen.put("delegate", clashes.delegate(1));
                    seen.put("start", clashes.start(1));
                    seen.put("result", clashes.result(1));

                    clash.Clock clock = clash.MonitoredClock.wrap(new clash.Clock() {
                        @Override public clash.Kmon now(clash.Clock.Objects unused) { return new clash.Kmon(42); }
                        @Override public clash.System system(String name) { return new clash.System(name); }
                    }, kmon);
                    seen.put("now", clock.now(null).millis());
                    seen.put("system", clock.system("s").name());

                    @SuppressWarnings("deprecation")
                    Legacy legacy = MonitoredLegacy.wrap(new Legacy() {
                        @Override @Deprecated public String old() { return "old"; }
                        @Override public String current() { return "current"; }
                    }, kmon);
                    seen.put("legacy", legacy.current());
                    return seen;
                }
            }
            """;

    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        compilation = Compile.succeeding(
                Compile.shape("Outer"),
                Compile.shape("Clashes"),
                Compile.shape("Legacy"),
                Compile.resource("shapes-clash/Clock.java"),
                Compile.resource("shapes-clash/Kmon.java"),
                Compile.resource("shapes-clash/System.java"),
                Compile.source("NamingScenario", SCENARIO));
    }

    @Test
    void nestedInterface_getsAnUnderscoredTopLevelNameAndItsOwnComponentAndPrefix() {
        Kmon kmon = Compile.kmon();
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "NamingScenario", kmon);

        assertEquals("pong", seen.get("ping"));
        assertEquals(1, kmon.snapshot().count("api.calls", "component", "media_api", "method", "ping"));
        assertEquals(0, kmon.snapshot().count("kmon.calls", "component", "test.Outer.Api", "method", "ping"));
    }

    @Test
    void generatedClass_isFinalAndAsVisibleAsItsInterface() {
        Class<?> api = Compile.load(compilation, "test.MonitoredOuter_Api");
        Class<?> hidden = Compile.load(compilation, "test.MonitoredOuter_Hidden");

        assertTrue(Modifier.isPublic(api.getModifiers()));
        assertTrue(Modifier.isFinal(api.getModifiers()));
        assertFalse(Modifier.isPublic(hidden.getModifiers()));
        assertTrue(Modifier.isFinal(hidden.getModifiers()));
    }

    @Test
    void namesUsedByTheGeneratedCode_canAlsoBeParameterAndMethodNames() {
        Kmon kmon = Compile.kmon();
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "NamingScenario", kmon);

        assertEquals("1rnulld", seen.get("call"));
        assertEquals(2, seen.get("delegate"));
        assertEquals(3, seen.get("start"));
        assertEquals(4, seen.get("result"));
        assertEquals(4, kmon.snapshot().sum("kmon.successes", "component", "test.Clashes"));
    }

    @Test
    void typesNamedLikeJavaLangOrKmonTypes_doNotConfuseTheGeneratedCode() {
        Kmon kmon = Compile.kmon();
        Map<?, ?> seen = (Map<?, ?>) Compile.run(compilation, "NamingScenario", kmon);

        assertEquals(42L, seen.get("now"));
        assertEquals("s", seen.get("system"));
        assertEquals(2, kmon.snapshot().sum("kmon.successes", "component", "clash.Clock"));
    }

    @Test
    void deprecatedInterfaceAndMethod_stayDeprecatedInTheGeneratedClass() throws Exception {
        Class<?> legacy = Compile.load(compilation, "test.MonitoredLegacy");

        assertTrue(legacy.isAnnotationPresent(Deprecated.class));
        assertTrue(legacy.getMethod("old").isAnnotationPresent(Deprecated.class));
        assertFalse(legacy.getMethod("current").isAnnotationPresent(Deprecated.class));
    }

    @Test
    void sameSimpleNameInTwoPackages_compiledApart_wrapsTwiceIntoTwoComponents() throws Exception {
        Kmon kmon = Compile.kmon();
        for (String pkg : List.of("a", "b")) {
            Compilation apart = Compile.succeeding(Compile.resource("corpus/good/" + pkg + "/Client.java"));
            CompiledClasses classes = new CompiledClasses(apart);
            Class<?> client = classes.loadClass(pkg + ".Client");
            Object delegate = Proxy.newProxyInstance(
                    client.getClassLoader(), new Class<?>[] {client}, (self, method, args) -> pkg + ":" + args[0]);
            Object proxy = classes.loadClass(pkg + ".MonitoredClient")
                    .getMethod("wrap", client, Kmon.class)
                    .invoke(null, delegate, kmon);
            assertEquals(pkg + ":k", client.getMethod("fetch", String.class).invoke(proxy, "k"));
        }

        assertEquals(1, kmon.snapshot().count("kmon.calls", "component", "a.Client", "method", "fetch"));
        assertEquals(1, kmon.snapshot().count("kmon.calls", "component", "b.Client", "method", "fetch"));
    }
}
