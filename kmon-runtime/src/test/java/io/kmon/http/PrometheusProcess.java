package io.kmon.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;

/**
 * A real Prometheus server ({@code /usr/bin/prometheus} from Debian's {@code prometheus}
 * package) scraping kmon servers every second, in a directory of its own, queried through its
 * HTTP API. {@link #close()} stops it.
 */
final class PrometheusProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final int port;

    private PrometheusProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code binary} scraping {@code targets}' {@code /metrics/prometheus}, with {@code flags}. */
    static PrometheusProcess start(String binary, Path dir, List<KmonServer> targets, String... flags)
            throws IOException {
        String targetList =
                targets.stream().map(t -> "\"127.0.0.1:" + t.port() + "\"").collect(Collectors.joining(", "));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "global:",
                        "  scrape_interval: 1s",
                        "  scrape_timeout: 1s",
                        "scrape_configs:",
                        "  - job_name: kmon",
                        "    metrics_path: /metrics/prometheus",
                        "    static_configs:",
                        "      - targets: [" + targetList + "]",
                        ""));
        int port = freePort();
        List<String> command = new java.util.ArrayList<>(List.of(
                binary,
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port));
        command.addAll(List.of(flags));
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PrometheusProcess(process, log, port);
    }

    /**
     * Runs {@code query} until it returns one sample that {@code accept} takes, or {@code deadline}
     * passes; the last value seen, if any. Polling with a deadline waits for scrapes, it times nothing.
     */
    OptionalDouble await(String query, DoublePredicate accept, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        OptionalDouble last = OptionalDouble.empty();
        while (System.nanoTime() < end && process.isAlive()) {
            Optional<Double> value = query(query);
            if (value.isPresent()) {
                last = OptionalDouble.of(value.get());
                if (accept.test(value.get())) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        return last;
    }

    /** The single sample an instant {@code query} returns now, if it returns one. */
    Optional<Double> query(String query) throws InterruptedException {
        URI uri = URI.create(
                "http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = Http.CLIENT.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListeningYet) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            JsonNode result = JSON.readTree(response.body()).path("data").path("result");
            if (result.size() != 1) {
                return Optional.empty();
            }
            double v = Double.parseDouble(result.get(0).path("value").get(1).asText());
            return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
        } catch (IOException | RuntimeException unexpectedBody) {
            return Optional.empty();
        }
    }

    /** What Prometheus logged, for a failure message. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
