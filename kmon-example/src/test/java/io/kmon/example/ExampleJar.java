package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the end-to-end tests need around the packaged jar: where it is, how to start Java, how
 * to read its HTTP endpoints, and how to make sure no process of it outlives a test.
 */
final class ExampleJar {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ExampleJar() {}

    /** The jar built by {@code package}; failsafe passes its path. */
    static Path jar() {
        String path = System.getProperty("kmon.example.jar", "target/kmon-example.jar");
        Path jar = Path.of(path).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar + "; run mvn package first");
        return jar;
    }

    /** The {@code java} of the JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A response.
     *
     * @param status the HTTP status
     * @param contentType the Content-Type header, or ""
     * @param body the body
     */
    record Reply(int status, String contentType, String body) {}

    /** GETs {@code uri}. */
    static Reply get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** Child processes of this JVM that run the example jar. */
    static List<ProcessHandle> running() {
        String jarName = jar().getFileName().toString();
        return ProcessHandle.current()
                .descendants()
                .filter(p ->
                        p.info().commandLine().map(c -> c.contains(jarName)).orElse(false))
                .toList();
    }

    /**
     * Kills every example process this JVM started that is still alive and reports how many
     * there were: a test that cleans up after itself leaves none.
     */
    static int killLeftovers() {
        List<ProcessHandle> left = running();
        for (ProcessHandle p : left) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : left) {
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> p).join();
        }
        return left.size();
    }
}
