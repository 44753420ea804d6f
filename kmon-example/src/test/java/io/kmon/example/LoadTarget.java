package io.kmon.example;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.kmon.http.KmonServer;
import io.kmon.internal.ComponentMonitor;
import io.kmon.internal.MethodMonitor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The exporter under load, for {@code wrk} (see {@code docs/RELIABILITY.md}): a default
 * {@link Kmon} (background thread and system metrics on) holding {@code --series} series, in
 * the shape monitored methods make them: each method has {@code calls}, {@code successes},
 * {@code errors{error_type}} and {@code duration}, so 1,000 series are 250 methods in 25
 * components. Serves them on 127.0.0.1:{@code --port} until killed.
 *
 * <pre>{@code
 * java -cp kmon-example/target/test-classes:kmon-example/target/kmon-example.jar \
 *     io.kmon.example.LoadTarget --series 1000 --port 8089
 * }</pre>
 */
final class LoadTarget {
    private static final int METHODS_PER_COMPONENT = 10;
    private static final int SERIES_PER_METHOD = 4;
    private static final long MS = 1_000_000;

    private LoadTarget() {}

    public static void main(String[] args) throws Exception {
        int series = 1_000;
        int port = 8089;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--series" -> series = Integer.parseInt(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i] + "; use --series N --port P");
            }
        }
        Kmon kmon = Kmon.global();
        int methods = series / SERIES_PER_METHOD;
        for (int m = 0; m < methods; m++) {
            ComponentMonitor component =
                    kmon.component(String.format(Locale.ROOT, "service_%02d", m / METHODS_PER_COMPONENT), "load");
            MethodMonitor method = component.method(
                    String.format(Locale.ROOT, "method_%d", m % METHODS_PER_COMPONENT), 0, AlertLevel.WARNING);
            for (int call = 1; call <= 100; call++) {
                method.success(call * MS / 10); // 0.1 to 10 ms, so the quantiles have something to say
            }
            method.failure(5 * MS, new IOException("one failure per method"));
        }
        KmonServer server = KmonServer.builder(kmon).port(port).start();
        HttpResponse<String> scrape = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.uri() + "metrics/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        long lines = scrape.body().lines().filter(l -> !l.startsWith("#")).count();
        System.out.printf(
                Locale.ROOT,
                "LoadTarget: %d kmon series (%d monitored methods) + kmon's own; %s%n"
                        + "/metrics/prometheus: %d samples, %,d bytes%n",
                methods * SERIES_PER_METHOD,
                methods,
                server.uri(),
                lines,
                scrape.body().length());
        new CountDownLatch(1).await(); // until killed
    }
}
