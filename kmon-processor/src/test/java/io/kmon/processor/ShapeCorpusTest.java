package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.kmon.Kmon;
import io.kmon.internal.ComponentMonitor;
import io.kmon.processor.ops.OpsResources;
import io.kmon.processor.validation.Messages;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The corpus: {@value #MIN_SHAPES} or more interface shapes, good and bad, each a file under
 * {@code src/test/resources/corpus}. All good ones compile in one javac run under
 * {@code -Xlint:all -Werror} without a single warning, and each generated proxy behaves like
 * its delegate: every method, called with sample arguments, reaches the delegate with the very
 * same arguments, returns the delegate's very object or throws its very exception, and is
 * counted (or not, when {@code @NotMonitored}). All bad ones compile in one run too, each with
 * exactly one error, on its element, with its message. Together, the bad ones do not stop the
 * good ones from being generated, with their operations resources (checked further in {@link OpsResourcesTest}).
 *
 * <p>The delegate is a {@link Proxy} scripted per call, so one harness drives every shape.
 */
class ShapeCorpusTest {
    private static final int MIN_SHAPES = 30;

    private static final List<Good> GOOD = List.of(
            good("Marker"),
            good("Voids"),
            good("Primitives"),
            good("Boxed"),
            good("Arrays"),
            good("Varargs"),
            good("Checked"),
            good("Bounded"),
            good("SelfBounded"),
            good("Wildcards"),
            good("Defaults"),
            good("Inherits"),
            good("Diamond"),
            good("Covariant"),
            new Good("Deep", "test.Deep$Middle$Inner", "test.MonitoredDeep_Middle_Inner", "deep_inner", Set.of()),
            good("Futures"),
            good("Optionals"),
            good("TypeUse"),
            new Good("Orders", "test.Orders", "test.MonitoredOrders", "orders_api", Set.of()),
            good("Hidden"),
            good("Alerted"),
            good("ObjectNames"),
            good("Größe"),
            good("Circle"),
            good("Modes"),
            good("Dates"),
            good("Retiring"),
            good("RetiringType"),
            new Good("OldOuter", "test.OldOuter$Api", "test.MonitoredOldOuter_Api", "test.OldOuter.Api", Set.of()),
            good("Generics"),
            good("StringStore"),
            good("Polite"),
            good("Task"),
            new Good("LegacyRaw", "test.LegacyRaw", "test.MonitoredLegacyRaw", "test.LegacyRaw", Set.of("version")),
            good("ObjectRedeclared"),
            good("Finalizing"),
            good("Copyable"),
            good("TypeUseEverywhere"),
            good("ShadowNames"),
            good("TypeVarNames"),
            good("ConstantNames"),
            good("LowerCaseConstants"),
            good("SelfNamed"),
            good("SelfTypeVar"),
            new Good(
                    "NestedNames",
                    "test.NestedNames$Api",
                    "test.MonitoredNestedNames_Api",
                    "test.NestedNames.Api",
                    Set.of()),
            new Good(
                    "SamePackageNames",
                    "shadow.SamePackageNames",
                    "shadow.MonitoredSamePackageNames",
                    "shadow.SamePackageNames",
                    Set.of()),
            new Good("a/Client", "a.Client", "a.MonitoredClient", "a.Client", Set.of()),
            new Good("b/Client", "b.Client", "b.MonitoredClient", "b.Client", Set.of()),
            new Good("Injection", "test.Injection", "test.MonitoredInjection", InjectionTest.NAME, Set.of()));

    private static final List<Bad> BAD = List.of(
            bad("ClassTarget", Messages.NOT_AN_INTERFACE, "@Monitored public class"),
            bad("EnumTarget", Messages.NOT_AN_INTERFACE, "@Monitored enum"),
            bad("RecordTarget", Messages.NOT_AN_INTERFACE, "@Monitored public record"),
            bad("AnnotationTarget", Messages.NOT_AN_INTERFACE, "@Monitored public @interface"),
            bad("PrivateNested", Messages.PRIVATE_INTERFACE, "@Monitored private interface"),
            bad("InPrivateClass", Messages.PRIVATE_INTERFACE, "@Monitored interface Api"),
            bad("LocalHolder", Messages.LOCAL_TYPE, "@Monitored interface Local"),
            bad("SealedTarget", Messages.SEALED_INTERFACE, "@Monitored public sealed"),
            bad("BadPrefix", Messages.INVALID_PREFIX, "prefix = \"9lives\""),
            bad("BlankName", Messages.BLANK_NAME, "name = "),
            bad("WrapClash", Messages.WRAP_CLASH, "wrap(WrapClash other)"),
            bad("PrivateSignature", Messages.INACCESSIBLE_TYPE, "java.util.List<Secret> secrets()"),
            bad("PrivateAlertOn", Messages.INACCESSIBLE_TYPE, "@AlertOn(Boom.class)"),
            bad("SlowZero", Messages.SLOW_ALERT_NOT_POSITIVE, "@SlowAlert(millis = 0)"),
            bad("SlowNegative", Messages.SLOW_ALERT_NOT_POSITIVE, "@SlowAlert(millis = -5)"),
            bad("SlowTooLong", Messages.SLOW_ALERT_TOO_LONG, "@SlowAlert(millis = Long.MAX_VALUE)"),
            bad("EmptyAlertOn", Messages.ALERT_ON_EMPTY, "@AlertOn({})"),
            bad("SlowOutside", Messages.SLOW_ALERT_OUTSIDE_MONITORED, "@SlowAlert(millis = 100)"),
            bad("AlertOnOutside", Messages.ALERT_ON_OUTSIDE_MONITORED, "@AlertOn(java.io.IOException.class)"),
            bad("NotMonitoredOutside", Messages.NOT_MONITORED_OUTSIDE_MONITORED, "@NotMonitored"),
            bad("SlowOnClass", Messages.SLOW_ALERT_OUTSIDE_MONITORED, "@SlowAlert(millis = 100)"),
            bad("NotMonitoredToString", Messages.NOT_A_PROXY_METHOD, "@NotMonitored"),
            bad("SlowOnStatic", Messages.NOT_A_PROXY_METHOD, "@SlowAlert(millis = 100)"),
            bad("NotMonitoredConflict", Messages.NOT_MONITORED_CONFLICT, "@SlowAlert(millis = 100) @NotMonitored"),
            bad("Taken", Messages.NAME_CLASH, "@Monitored"),
            bad("InjectedPrefix", Messages.INVALID_PREFIX, "@Monitored(prefix = \"billing */"),
            bad("HiddenPackage", Messages.NAME_HIDDEN, "int java = 1;"),
            bad("SlowOnAnnotatedEquals", Messages.NOT_A_PROXY_METHOD, "@SlowAlert(millis = 5)"),
            bad("UnnamedSelf", Messages.NAME_HIDDEN, "class MonitoredUnnamedSelf {}"));

    @Test
    void corpus_holdsAtLeastThirtyShapes() {
        assertThat(GOOD.size() + BAD.size()).isAtLeast(MIN_SHAPES);
        assertThat(GOOD.size()).isAtLeast(MIN_SHAPES);
    }

    @Test
    void goodShapes_compileInOneRunWithoutWarnings_andEachBehavesLikeItsDelegate() throws Exception {
        Compilation compilation = Compile.javac()
                .withOptions("-Xlint:all", "-Werror")
                .compile(GOOD.stream().map(Good::source).toList());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFiles()).hasSize(GOOD.size());
        CompiledClasses classes = new CompiledClasses(compilation);
        Kmon kmon = Compile.kmon();
        Map<String, Throwable> misbehaving = new LinkedHashMap<>();
        for (Good shape : GOOD) {
            try {
                new Harness(shape, classes, kmon).check();
            } catch (Exception | AssertionError e) {
                misbehaving.put(shape.file(), e);
            }
        }
        misbehaving.forEach((shape, e) -> e.printStackTrace());
        assertEquals(
                Map.of(),
                misbehaving.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))));
    }

    @Test
    void badShapes_compileInOneRun_eachWithExactlyOneErrorOnItsElement() {
        Compilation compilation =
                Compile.javac().compile(BAD.stream().map(Bad::source).toList());

        assertThat(compilation).failed();
        for (Bad shape : BAD) {
            assertThat(compilation)
                    .hadErrorContaining(shape.message())
                    .inFile(shape.source())
                    .onLineContaining(shape.line());
        }
        Map<String, Long> perFile = compilation.errors().stream()
                .collect(Collectors.groupingBy(ShapeCorpusTest::file, Collectors.counting()));
        Map<String, Long> one =
                BAD.stream().collect(Collectors.toMap(b -> b.source().toUri().toString(), b -> 1L));
        assertEquals(one, perFile, "exactly one error per bad shape, none elsewhere");
    }

    @Test
    void goodAndBadTogether_eachBadOneFailsAlone_andEveryGoodOneIsGenerated() {
        // FilerSpy hides javac's syntax trees from the processor, so the local-type shape sits this one out.
        List<Bad> bad =
                BAD.stream().filter(b -> !b.file().equals("LocalHolder")).toList();
        FilerSpy spy = new FilerSpy();

        Compilation compilation = Compiler.javac()
                .withProcessors(spy)
                .compile(Stream.concat(
                                GOOD.stream().map(Good::source), bad.stream().map(Bad::source))
                        .toList());

        assertThat(compilation).hadErrorCount(bad.size());
        assertThat(spy.created())
                .containsExactlyElementsIn(GOOD.stream()
                        .flatMap(g -> Stream.of(OpsResources.RULES, OpsResources.DASHBOARD, OpsResources.CATALOGUE)
                                .map(suffix -> OpsResources.FOLDER + g.iface() + suffix)
                                .collect(Collectors.toCollection(() -> new ArrayList<>(List.of(g.proxy()))))
                                .stream())
                        .toList());
    }

    @Test
    void failureInsideTheProcessor_isOneErrorOnThatType_andJavacGoesOn() {
        List<JavaFileObject> sources = GOOD.stream().map(Good::source).toList();
        assertEquals("Voids", GOOD.get(1).file());
        JavaFileObject voids = sources.get(1);

        Compilation compilation =
                Compiler.javac().withProcessors(failingFiler("MonitoredVoids")).compile(sources);

        assertThat(compilation).hadErrorContaining(Messages.INTERNAL_ERROR).inFile(voids);
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * kmon's processor over a {@code Filer} that throws an unexpected exception (a bug, not an
     * I/O error) when asked for the source file named {@code simpleName}, and works otherwise.
     */
    private static Processor failingFiler(String simpleName) {
        Processor real = new KmonProcessor();
        return (Processor) Proxy.newProxyInstance(
                Processor.class.getClassLoader(), new Class<?>[] {Processor.class}, (self, method, args) -> {
                    if (method.getName().equals("init")) {
                        ProcessingEnvironment env = (ProcessingEnvironment) args[0];
                        Filer filer = (Filer) forward(
                                Filer.class,
                                env.getFiler(),
                                (m, a) -> m.getName().equals("createSourceFile")
                                        && a[0].toString().endsWith("." + simpleName));
                        real.init((ProcessingEnvironment)
                                forward(ProcessingEnvironment.class, env, (m, a) -> false, "getFiler", filer));
                        return null;
                    }
                    return invoke(method, real, args);
                });
    }

    /** A proxy of {@code target} that throws where {@code fails} says, and answers {@code name} with {@code answer}. */
    private static Object forward(
            Class<?> type, Object target, BiPredicate<Method, Object[]> fails, Object... answers) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (fails.test(method, args)) {
                throw new IllegalStateException("simulated bug inside the processor");
            }
            if (answers.length == 2 && method.getName().equals(answers[0])) {
                return answers[1];
            }
            return invoke(method, target, args);
        });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String file(Diagnostic<? extends JavaFileObject> diagnostic) {
        return diagnostic.getSource() == null
                ? "(no file)"
                : diagnostic.getSource().toUri().toString();
    }

    private static Good good(String file) {
        return new Good(file, "test." + file, "test.Monitored" + file, "test." + file, Set.of());
    }

    private static Bad bad(String file, String message, String line) {
        return new Bad(file, Compile.resource("corpus/bad/" + file + ".java"), message, line);
    }

    /**
     * A shape that must compile and behave.
     *
     * @param iface the binary name of its {@code @Monitored} interface
     * @param proxy the binary name of the generated class
     * @param component the component its calls are counted under
     * @param notMonitored its {@code @NotMonitored} methods
     */
    private record Good(String file, String iface, String proxy, String component, Set<String> notMonitored) {
        JavaFileObject source() {
            return Compile.resource("corpus/good/" + file + ".java");
        }
    }

    /** A shape that must fail with {@code message} on the line containing {@code line}. */
    private record Bad(String file, JavaFileObject source, String message, String line) {}

    /** Calls every method of one shape through its generated proxy and compares with the delegate. */
    private static final class Harness {
        private final Good shape;
        private final Kmon kmon;
        private final Class<?> iface;
        private final Class<?> proxyClass;
        private final Script script = new Script();

        Harness(Good shape, CompiledClasses classes, Kmon kmon) throws ClassNotFoundException {
            this.shape = shape;
            this.kmon = kmon;
            this.iface = classes.loadClass(shape.iface());
            this.proxyClass = classes.loadClass(shape.proxy());
        }

        void check() throws Exception {
            Object delegate = Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, script);
            Method wrap = proxyClass.getDeclaredMethod("wrap", iface, Kmon.class);
            wrap.setAccessible(true);
            Object proxy = wrap.invoke(null, delegate, kmon);
            assertTrue(Modifier.isFinal(proxyClass.getModifiers()), "generated classes are final");

            int monitored = 0;
            for (Method method : methods()) {
                method.setAccessible(true);
                Method concrete = implementation(method);
                Object[] args = Samples.arguments(concrete.getParameterTypes(), iface.getClassLoader());
                Object expected = Samples.value(concrete.getReturnType(), iface.getClassLoader());
                script.next(expected, null);
                Object actual = method.invoke(proxy, args);
                if (method.getReturnType().isPrimitive()) {
                    assertEquals(expected, actual, method.toString());
                } else {
                    assertSame(expected, actual, method + " returns the delegate's very object");
                }
                script.assertReceived(method, args);

                Throwable failure = Samples.failure(method);
                script.next(null, failure);
                InvocationTargetException thrown =
                        assertThrows(InvocationTargetException.class, () -> method.invoke(proxy, args));
                assertSame(failure, thrown.getCause(), method + " throws the delegate's very exception");
                script.assertReceived(method, args);
                if (!shape.notMonitored().contains(method.getName())) {
                    monitored++;
                }
            }

            ComponentMonitor component = kmon.components().stream()
                    .filter(c -> c.name().equals(shape.component()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no component " + shape.component()));
            assertEquals(2L * monitored, component.calls(), "a success and a failure per monitored method");
            assertEquals(monitored, component.errors());
            assertEquals(Script.TO_STRING, proxy.toString());
            assertEquals(Script.HASH_CODE, proxy.hashCode());
            assertTrue(proxy.equals(proxy), "equal when the delegates are");
        }

        /**
         * The generated class's own implementation of {@code method}, not a bridge: its types are
         * the concrete ones ({@code compareTo(Inherits)}, not the erased {@code compareTo(Object)}),
         * so the samples fit.
         */
        private Method implementation(Method method) {
            for (Method candidate : proxyClass.getDeclaredMethods()) {
                if (!candidate.isBridge()
                        && candidate.getName().equals(method.getName())
                        && fits(method.getParameterTypes(), candidate.getParameterTypes())
                        && method.getReturnType().isAssignableFrom(candidate.getReturnType())) {
                    return candidate;
                }
            }
            throw new AssertionError(proxyClass.getName() + " does not implement " + method);
        }

        private static boolean fits(Class<?>[] declared, Class<?>[] implemented) {
            if (declared.length != implemented.length) {
                return false;
            }
            for (int i = 0; i < declared.length; i++) {
                if (!declared[i].isAssignableFrom(implemented[i])) {
                    return false;
                }
            }
            return true;
        }

        /** The interface's instance methods, one per signature, Object's own left out. */
        private List<Method> methods() {
            Map<String, Method> bySignature = new LinkedHashMap<>();
            for (Method m : iface.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && !isObjectMethod(m)) {
                    bySignature.putIfAbsent(m.getName() + List.of(m.getParameterTypes()), m);
                }
            }
            return List.copyOf(bySignature.values());
        }

        private static boolean isObjectMethod(Method m) {
            try {
                Object.class.getMethod(m.getName(), m.getParameterTypes());
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }

    /** The delegate's behaviour: return or throw what the test scripted, and remember the call. */
    private static final class Script implements InvocationHandler {
        static final String TO_STRING = "the delegate";
        static final int HASH_CODE = 4242;

        private Object result;
        private Throwable failure;
        private Method received;
        private Object[] receivedArgs;

        void next(Object result, Throwable failure) {
            this.result = result;
            this.failure = failure;
            this.received = null;
            this.receivedArgs = null;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> TO_STRING;
                    case "hashCode" -> HASH_CODE;
                    default -> self == args[0];
                };
            }
            received = method;
            receivedArgs = args == null ? new Object[0] : args;
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        void assertReceived(Method method, Object[] args) {
            assertTrue(received != null, method + " reached the delegate");
            assertEquals(method.getName(), received.getName());
            assertEquals(List.of(method.getParameterTypes()), List.of(received.getParameterTypes()));
            for (int i = 0; i < args.length; i++) {
                if (method.getParameterTypes()[i].isPrimitive()) {
                    assertEquals(args[i], receivedArgs[i]);
                } else {
                    assertSame(args[i], receivedArgs[i], method + " passes argument " + i + " as is");
                }
            }
        }
    }

    /** Sample arguments, results and failures for any type the corpus uses; fresh objects, so identity tells. */
    private static final class Samples {
        private Samples() {}

        static Object[] arguments(Class<?>[] types, ClassLoader loader) throws ReflectiveOperationException {
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                args[i] = value(types[i], loader);
            }
            return args;
        }

        static Object value(Class<?> type, ClassLoader loader) throws ReflectiveOperationException {
            if (type == void.class) {
                return null;
            }
            if (type.isPrimitive()) {
                return primitive(type);
            }
            if (type == Boolean.class) {
                return Boolean.TRUE;
            }
            if (type == Integer.class || type == Number.class) {
                return Integer.valueOf(424_242);
            }
            if (type == Long.class) {
                return Long.valueOf(424_242L);
            }
            if (type == String.class || type == CharSequence.class || type == Object.class) {
                return new String("sample");
            }
            if (type.isArray()) {
                return Array.newInstance(type.getComponentType(), 1);
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0];
            }
            if (type == Enum.class) {
                return Thread.State.NEW;
            }
            if (type == Class.class) {
                return String.class;
            }
            if (type.isRecord()) {
                return record(type, loader);
            }
            if (type.isAssignableFrom(CompletableFuture.class)) {
                return CompletableFuture.completedFuture(new String("done"));
            }
            if (type == Optional.class) {
                return Optional.of("found");
            }
            if (type == OptionalInt.class) {
                return OptionalInt.of(3);
            }
            if (type == Stream.class) {
                return Stream.of("line");
            }
            if (type.isAssignableFrom(ArrayList.class)) {
                return new ArrayList<>();
            }
            if (type.isAssignableFrom(HashMap.class)) {
                return new HashMap<>();
            }
            if (type.isAssignableFrom(IllegalStateException.class)) {
                return new IllegalStateException("an argument");
            }
            if (type.isInterface()) {
                return Proxy.newProxyInstance(
                        loader,
                        new Class<?>[] {type},
                        (self, m, a) -> m.getReturnType().isPrimitive() && m.getReturnType() != void.class
                                ? primitive(m.getReturnType())
                                : null);
            }
            for (Constructor<?> constructor : type.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 0 || (parameters.length == 1 && parameters[0] == long.class)) {
                    return parameters.length == 0 ? constructor.newInstance() : constructor.newInstance(0L);
                }
            }
            return null;
        }

        private static Object primitive(Class<?> type) {
            if (type == boolean.class) {
                return true;
            }
            if (type == char.class) {
                return 'k';
            }
            if (type == byte.class) {
                return (byte) 7;
            }
            if (type == short.class) {
                return (short) 7;
            }
            if (type == int.class) {
                return 7;
            }
            if (type == long.class) {
                return 7L;
            }
            if (type == float.class) {
                return 7.5f;
            }
            return 7.5;
        }

        private static Object record(Class<?> type, ClassLoader loader) throws ReflectiveOperationException {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            return type.getDeclaredConstructor(types).newInstance(arguments(types, loader));
        }

        /** A fresh throwable the method may throw: one of its checked exceptions, or an unchecked one. */
        static Throwable failure(Method method) throws ReflectiveOperationException {
            for (Class<?> declared : method.getExceptionTypes()) {
                if (declared == Throwable.class || declared == Exception.class) {
                    return new Exception("scripted failure");
                }
                if (!Modifier.isAbstract(declared.getModifiers())) {
                    try {
                        return (Throwable) declared.getConstructor(String.class).newInstance("scripted failure");
                    } catch (NoSuchMethodException e) {
                        // try the next declared type
                    }
                }
            }
            return new IllegalStateException("scripted failure");
        }
    }
}
