package io.kmon.otel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A loopback OTLP/HTTP metrics receiver for tests: {@code POST /v1/metrics} bodies decoded by the
 * official OTLP protobuf classes, gzip undone when the request says so.
 */
public final class OtlpReceiver implements AutoCloseable {
    /**
     * One export as received.
     *
     * @param contentType the request's Content-Type
     * @param contentEncoding its Content-Encoding, or ""
     * @param headers the request headers, names in lower case, first value each
     * @param request the decoded body
     */
    public record Export(
            String contentType,
            String contentEncoding,
            Map<String, String> headers,
            ExportMetricsServiceRequest request) {

        /** {@return the metric named {@code name}} in the first resource that has it. */
        public Optional<Metric> metric(String name) {
            return request.getResourceMetricsList().stream()
                    .flatMap(r -> r.getScopeMetricsList().stream())
                    .flatMap(s -> s.getMetricsList().stream())
                    .filter(m -> m.getName().equals(name))
                    .findFirst();
        }

        /** {@return the string attribute {@code key} of the first resource}, or "". */
        public String resourceAttribute(String key) {
            return request.getResourceMetricsList().stream()
                    .map(ResourceMetrics::getResource)
                    .flatMap(r -> r.getAttributesList().stream())
                    .filter(a -> a.getKey().equals(key))
                    .map(a -> a.getValue().getStringValue())
                    .findFirst()
                    .orElse("");
        }

        /** {@return the scopes of the first resource} */
        public List<ScopeMetrics> scopes() {
            return request.getResourceMetrics(0).getScopeMetricsList();
        }
    }

    private final HttpServer server;
    private final List<Export> exports = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    /** Starts on 127.0.0.1, a free port. */
    public OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/metrics", this::handle);
        server.start();
    }

    /** {@return the endpoint for OTEL_EXPORTER_OTLP_ENDPOINT} (the exporter appends /v1/metrics) */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@return every export so far}, oldest first */
    public List<Export> exports() {
        return List.copyOf(exports);
    }

    /** {@return requests that could not be decoded} */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * {@return the first export that satisfies {@code wanted}}, waiting at most {@code timeout}
     * (a bound for a broken exporter, not a measurement).
     *
     * @throws AssertionError when none arrives in time
     */
    public Export await(Predicate<Export> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Export e : exports) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(
                        "no matching export in " + timeout + "; received " + exports.size() + ", errors " + errors);
            }
            Thread.sleep(20);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            try (InputStream raw = exchange.getRequestBody();
                    InputStream body = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(raw) : raw) {
                ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
                exports.add(new Export(
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        encoding == null ? "" : encoding,
                        headers,
                        request));
            } catch (IOException | RuntimeException e) {
                errors.add(e.toString());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] ok = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
            if (ok.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ok);
                }
            }
        }
    }

    /** The string value of attribute {@code key} in {@code attributes}, or "". */
    public static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream()
                .filter(a -> a.getKey().equals(key))
                .map(KeyValue::getValue)
                .map(AnyValue::getStringValue)
                .findFirst()
                .orElse("");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
