package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.internal.ComponentMonitor;
import io.kmon.internal.MethodMonitor;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @SlowAlert} and {@code @AlertOn} reach the handles: a method's threshold replaces the
 * interface's, its alert types add to the interface's.
 */
class AlertSettingsTest {
    private static final String SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.io.IOException;
            import java.net.ConnectException;
            import java.net.SocketTimeoutException;
            import java.util.function.Function;

            public final class GatewayScenario implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon kmon) {
                    Gateway gateway = MonitoredGateway.wrap(new Gateway() {
                        @Override
                        public String fetch(String id) throws IOException {
                            throw id.equals("refused") ? new ConnectException(id) : new SocketTimeoutException(id);
                        }

                        @Override
                        public String slow(String id) throws IOException {
                            throw new SocketTimeoutException(id);
                        }

                        @Override
                        public String id() {
                            return "gw";
                        }
                    }, kmon);
                    for (String id : new String[] {"refused", "timeout"}) {
                        try {
                            gateway.fetch(id);
                        } catch (IOException expected) {
                            // counted and, for @AlertOn types, alerted
                        }
                    }
                    try {
                        gateway.slow("timeout");
                    } catch (IOException expected) {
                        // SocketTimeoutException is in slow()'s own @AlertOn
                    }
                    return gateway.id();
                }
            }
            """;

    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        compilation = Compile.succeeding(
                Compile.shape("Gateway"), Compile.shape("Numbers"), Compile.source("GatewayScenario", SCENARIO));
    }

    @Test
    void alertOn_raisesAnErrorAlertOnlyForTheListedTypes() {
        Kmon kmon = Compile.kmon();
        Compile.run(compilation, "GatewayScenario", kmon);
        kmon.checkAlertsNow();

        List<String> alerted = kmon.alerts().recent().stream()
                .filter(a -> a.level() == AlertLevel.ERROR && "test.Gateway".equals(a.component()))
                .map(a -> a.details().get("method") + ":" + a.details().get("error_type"))
                .sorted()
                .toList();
        assertEquals(
                List.of("fetch:ConnectException", "slow:SocketTimeoutException"), alerted, "the error_type tag's text");
        assertEquals(
                3,
                kmon.errors().groups().stream()
                        .filter(g -> g.component().equals("test.Gateway"))
                        .count());
    }

    @Test
    void slowAlert_onTheInterfaceAppliesToEveryMethodAndAMethodsOwnWins() throws Exception {
        Kmon kmon = Compile.kmon();
        wrap("test.MonitoredGateway", "test.Gateway", kmon);
        ComponentMonitor gateway = kmon.component("test.Gateway", "kmon");

        MethodMonitor fetch = existing(gateway, "fetch");
        MethodMonitor slow = existing(gateway, "slow");
        assertEquals(250_000_000L, fetch.slowNanos());
        assertEquals(AlertLevel.WARNING, fetch.slowLevel());
        assertEquals(2_000_000_000L, slow.slowNanos());
        assertEquals(AlertLevel.CRITICAL, slow.slowLevel());
    }

    @Test
    void noSlowAlert_meansNoThreshold() throws Exception {
        Kmon kmon = Compile.kmon();
        wrap("test.MonitoredNumbers", "test.Numbers", kmon);

        assertEquals(
                Long.MAX_VALUE,
                existing(kmon.component("test.Numbers", "kmon"), "add").slowNanos());
    }

    @Test
    void alertOn_typesOfTheInterfaceComeFirstAndRepeatsAreDropped() {
        // MethodMonitor keeps its alert types private; the handle's arguments are read from the source.
        String source = Golden.generatedSource(compilation, "test.MonitoredGateway");

        assertThat(source)
                .contains("component.method(\"fetch\", 250_000_000L, AlertLevel.WARNING, ConnectException.class)");
        assertThat(source)
                .contains("component.method(\"slow\", 2_000_000_000L, AlertLevel.CRITICAL, "
                        + "ConnectException.class, SocketTimeoutException.class)");
        assertThat(source).doesNotContain("\"id\"");
    }

    /** The handle the proxy registered: the runtime returns the first registration for a tag. */
    private static MethodMonitor existing(ComponentMonitor component, String tag) {
        return component.method(tag, 1L, AlertLevel.INFO);
    }

    private static void wrap(String generated, String iface, Kmon kmon) throws Exception {
        Class<?> type = Compile.load(compilation, generated);
        Class<?> ifaceType = type.getInterfaces()[0];
        assertEquals(iface, ifaceType.getName());
        Method wrap = type.getMethod("wrap", ifaceType, Kmon.class);
        Object fake = java.lang.reflect.Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {ifaceType}, (proxy, method, args) -> null);
        wrap.invoke(null, fake, kmon);
    }
}
