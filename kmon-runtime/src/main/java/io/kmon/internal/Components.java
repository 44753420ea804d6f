package io.kmon.internal;

import io.kmon.health.ComponentCheck;
import io.kmon.health.HealthRegistry;
import io.kmon.metrics.Clock;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.MeterSnapshot;
import io.kmon.metrics.MethodSnapshot;
import io.kmon.metrics.MetricNames;
import io.kmon.metrics.MetricsSnapshot;
import io.kmon.metrics.ReservedNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The monitored components of one {@code Kmon}, by name, each with its readiness check, and
 * the typed per-method part of every snapshot ({@link #snapshot}). Not API.
 *
 * <p>Beyond {@code maxComponents} components, a new one still records its metrics but is not
 * listed, has no health check and is counted in {@link MetricNames#COMPONENTS_REFUSED}.
 */
public final class Components {
    /** The window of a component's readiness check. */
    public static final Duration CHECK_WINDOW = Duration.ofMinutes(5);

    private final MeterRegistry metrics;
    private final CallSink sink;
    private final HealthRegistry health;
    private final Clock clock;
    private final int maxComponents;
    private final double maxFailureRatio;
    private final ConcurrentHashMap<String, ComponentMonitor> components = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ComponentCheck> checks = new CopyOnWriteArrayList<>();
    private final LongAdder refused = new LongAdder();

    /**
     * The components of one instance.
     *
     * @param metrics where their methods record
     * @param sink where their methods report slow and failed calls
     * @param health where each component's readiness check goes
     * @param clock positions the checks' readings
     * @param maxComponents components listed and checked
     * @param maxFailureRatio the share of failed calls above which a component's check is degraded
     */
    public Components(
            MeterRegistry metrics,
            CallSink sink,
            HealthRegistry health,
            Clock clock,
            int maxComponents,
            double maxFailureRatio) {
        this.metrics = metrics;
        this.sink = sink;
        this.health = health;
        this.clock = clock;
        this.maxComponents = maxComponents;
        this.maxFailureRatio = maxFailureRatio;
        metrics.ownCounter(MeterId.of(MetricNames.COMPONENTS_REFUSED), refused::sum);
    }

    /**
     * The component {@code name}; the same name returns the same component.
     *
     * @param name the component name (tag {@code component})
     * @param prefix the first part of its metric names
     * @return the component
     * @throws IllegalArgumentException when the name is reused with another prefix, or the
     *     prefix is not a valid metric name or is reserved
     */
    public ComponentMonitor component(String name, String prefix) {
        Objects.requireNonNull(name, "name");
        // validates both now, not on the first call
        ReservedNames.check(MeterId.of(prefix + MetricNames.CALLS, MetricNames.COMPONENT, name));
        ComponentMonitor existing = components.get(name);
        if (existing == null && components.size() >= maxComponents) {
            refused.increment();
            return new ComponentMonitor(sink, metrics, name, prefix);
        }
        boolean[] created = {false};
        ComponentMonitor component = existing != null
                ? existing
                : components.computeIfAbsent(name, n -> {
                    created[0] = true;
                    return new ComponentMonitor(sink, metrics, n, prefix);
                });
        if (!component.prefix().equals(prefix)) {
            throw new IllegalArgumentException(
                    "component '" + name + "' already uses prefix '" + component.prefix() + "', not '" + prefix + "'");
        }
        if (created[0]) {
            ComponentCheck check =
                    new ComponentCheck(name, component::calls, component::errors, clock, CHECK_WINDOW, maxFailureRatio);
            checks.add(check);
            // A check the user registered under this name first wins.
            health.registerInlineIfAbsent(name, check, EnumSet.of(HealthRegistry.Probe.READINESS));
        }
        return component;
    }

    /** {@return the listed components, by name} */
    public List<ComponentMonitor> list() {
        return components.values().stream()
                .sorted(Comparator.comparing(ComponentMonitor::name))
                .toList();
    }

    /** Keeps a reading of every component's counts for its readiness check. */
    public void tick() {
        for (ComponentCheck check : checks) {
            check.tick();
        }
    }

    /**
     * {@return {@code meters} with every listed component's methods, by component then method}
     *
     * @param meters a snapshot of the registry
     */
    public MetricsSnapshot snapshot(MetricsSnapshot meters) {
        Map<MeterId, MeterSnapshot.TimerSnapshot> timers = new HashMap<>();
        meters.timers().forEach(t -> timers.put(t.id(), t));
        List<MethodSnapshot> methods = new ArrayList<>();
        for (ComponentMonitor c : components.values()) {
            methods.addAll(c.snapshot(timers, meters.timestampMillis()));
        }
        methods.sort(Comparator.comparing(MethodSnapshot::component).thenComparing(MethodSnapshot::method));
        return meters.withMethods(methods);
    }
}
