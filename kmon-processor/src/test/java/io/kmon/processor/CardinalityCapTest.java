package io.kmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import io.kmon.Kmon;
import io.kmon.http.KmonServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated proxy past the cardinality cap: with one series per metric name, the first
 * method keeps its own series and the other two fold into the overflow series, and still
 * every call is counted exactly once, in the component, in {@code /metrics} and in
 * {@code /metrics/prometheus}.
 */
class CardinalityCapTest {
    private static final String API = """
            package test;

            import io.kmon.annotations.Monitored;

            @Monitored(name = "api", prefix = "api")
            public interface Api {
                void a();

                void b(boolean fail);

                void c(boolean fail);
            }
            """;

    /** 16 calls: a 5 times, b 5 times (1 failure), c 6 times (2 failures). */
    private static final String CALLS = """
            package test;

            import io.kmon.Kmon;
            import java.util.function.Function;

            public final class Calls implements Function<Kmon, Object> {
                static final class Fake implements Api {
                    @Override
                    public void a() {}

                    @Override
                    public void b(boolean fail) {
                        if (fail) {
                            throw new IllegalStateException("b");
                        }
                    }

                    @Override
                    public void c(boolean fail) {
                        if (fail) {
                            throw new IllegalArgumentException("c");
                        }
                    }
                }

                @Override
                public Object apply(Kmon kmon) {
                    Api api = MonitoredApi.wrap(new Fake(), kmon);
                    for (int i = 0; i < 5; i++) {
                        api.a();
                    }
                    for (int i = 0; i < 5; i++) {
                        try {
                            api.b(i == 0);
                        } catch (IllegalStateException expected) {
                            // counted as an error
                        }
                    }
                    for (int i = 0; i < 6; i++) {
                        try {
                            api.c(i < 2);
                        } catch (IllegalArgumentException expected) {
                            // counted as an error
                        }
                    }
                    return null;
                }
            }
            """;

    private static final Pattern CALLS_LINE = Pattern.compile("^api_calls_total\\{(.*)} (\\S+)$", Pattern.MULTILINE);

    private static Compilation compilation;

    private final Kmon kmon = Kmon.builder()
            .backgroundThread(false)
            .systemMetrics(false)
            .maxSeriesPerName(1)
            .build();
    private final KmonServer server = KmonServer.start(kmon, 0);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void compile() {
        compilation = Compile.succeeding(Compile.source("Api", API), Compile.source("Calls", CALLS));
    }

    @AfterEach
    void stop() {
        server.close();
        kmon.close();
    }

    @Test
    void pastTheCap_sixteenCallsAreSixteen_inTheComponent() {
        Compile.run(compilation, "Calls", kmon);

        assertEquals(16, kmon.components().get(0).calls());
        assertEquals(3, kmon.components().get(0).errors());
    }

    @Test
    void pastTheCap_prometheusCallSeriesAddUpToSixteen_andTheOverflowHoldsTheFoldedMethods() throws Exception {
        Compile.run(compilation, "Calls", kmon);

        Map<String, Double> calls = new HashMap<>();
        Matcher m = CALLS_LINE.matcher(get("/metrics/prometheus"));
        while (m.find()) {
            calls.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        assertEquals(2, calls.size(), calls.toString());
        assertEquals(5.0, calls.get("component=\"api\",method=\"a\""), calls.toString());
        assertEquals(11.0, calls.get("overflow=\"true\""), "b and c: " + calls);
    }

    @Test
    void pastTheCap_metricsJsonMethodsCountEachMethodExactly() throws Exception {
        Compile.run(compilation, "Calls", kmon);

        JsonNode monitoring = new ObjectMapper().readTree(get("/metrics")).get("monitoring");
        Map<String, Long> calls = new HashMap<>();
        Map<String, Long> errors = new HashMap<>();
        for (JsonNode row : monitoring.get("methods")) {
            calls.put(row.get("method").asText(), row.get("calls").asLong());
            errors.put(row.get("method").asText(), row.get("errors").asLong());
        }
        assertEquals(Map.of("a", 5L, "b", 5L, "c", 6L), calls);
        assertEquals(Map.of("a", 0L, "b", 1L, "c", 2L), errors);
        assertEquals(16, calls.values().stream().mapToLong(Long::longValue).sum());
    }

    private String get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }
}
