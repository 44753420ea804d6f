package io.kmon.system;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MeterId;
import io.kmon.metrics.MeterRegistry;
import io.kmon.metrics.Timer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The timer {@code jvm.gc.pause{gc}}: one sample per collection, from the JVM's GC
 * notifications, so each duration is exact rather than averaged between samples. (For
 * concurrent collectors such as ZGC the JVM reports cycles, and so does this timer.)
 *
 * <p>Notifications arrive on a JDK thread, not kmon's; a failure there is contained and
 * counted. {@link #close()} removes the listeners.
 */
final class GcPauses implements AutoCloseable {
    static final String NAME = "jvm.gc.pause";

    private final MeterRegistry registry;
    private final InternalFailures failures;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::handle;

    GcPauses(MeterRegistry registry, InternalFailures failures) {
        this.registry = registry;
        this.failures = failures;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            timer(gc.getName()); // the series exist (at zero) before the first collection
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private Timer timer(String gc) {
        return timers.computeIfAbsent(gc, name -> registry.timer(MeterId.of(NAME, "gc", name)));
    }

    private void handle(Notification notification, Object handback) {
        try {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                timer(info.getGcName())
                        .record(TimeUnit.MILLISECONDS.toNanos(info.getGcInfo().getDuration()));
            }
        } catch (RuntimeException | LinkageError e) {
            failures.record("sampler:jvm.gc", e);
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to remove
            }
        }
        emitters.clear();
    }
}
