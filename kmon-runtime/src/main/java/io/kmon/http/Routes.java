package io.kmon.http;

import com.sun.net.httpserver.HttpServer;
import io.kmon.Kmon;
import io.kmon.format.TimerExport;
import io.kmon.health.HealthReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Where a {@link KmonServer} meets its {@code Kmon}: each endpoint gets only the part it reads
 * (a snapshot supplier, the alert engine, a health report), never the facade.
 */
final class Routes {
    private Routes() {}

    /** Every route of a server exporting {@code kmon}, by path. */
    static Map<String, Router.Route> of(
            Kmon kmon, boolean protectLiveness, Duration healthCacheTime, TimerExport timers) {
        Map<String, Router.Route> routes = new LinkedHashMap<>();
        routes.putAll(DashboardEndpoint.routes());
        routes.put(
                "/metrics",
                new Router.Route(
                        new MetricsEndpoint(
                                kmon::snapshot, kmon::seriesNames, kmon.startMillis(), kmon.alerts(), kmon.health()),
                        false));
        routes.put("/metrics/prometheus", new Router.Route(new PrometheusEndpoint(kmon::snapshot, timers), false));
        routes.put("/metrics/series", new Router.Route(new SeriesEndpoint(kmon::series), false));
        routes.put("/health", new Router.Route(health(kmon.health()::check, healthCacheTime), false));
        routes.put(
                "/health/live",
                new Router.Route(health(kmon.health()::checkLiveness, healthCacheTime), !protectLiveness));
        routes.put("/health/ready", new Router.Route(health(kmon.health()::checkReadiness, healthCacheTime), false));
        routes.put("/alerts", new Router.Route(new AlertsEndpoint(kmon.alerts()), false));
        routes.put("/errors", new Router.Route(new ErrorsEndpoint(kmon.errors()), false));
        return routes;
    }

    private static HealthEndpoint health(Supplier<HealthReport> checks, Duration cacheTime) {
        return new HealthEndpoint(new HealthCache(checks, cacheTime, System::nanoTime));
    }

    /**
     * The JDK's dispatcher thread inherits daemon status from the thread that starts the
     * server, so starting it from a daemon thread keeps the exporter from holding the JVM open.
     */
    static void startAsDaemon(HttpServer server) {
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        server.start();
                    } catch (RuntimeException e) {
                        failed.set(e);
                    }
                },
                "kmon-http-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new IllegalStateException("interrupted while starting the kmon HTTP server", e);
        }
        if (failed.get() != null) {
            server.stop(0);
            throw failed.get();
        }
    }
}
