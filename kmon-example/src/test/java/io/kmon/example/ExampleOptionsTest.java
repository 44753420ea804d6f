package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleOptionsTest {

    private static ExampleOptions parse(Map<String, String> env, String... args) {
        return ExampleOptions.parse(List.of(args), env);
    }

    private static void assertRejected(String message, Map<String, String> env, String... args) {
        assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> parse(env, args))
                        .getMessage());
    }

    @Test
    void noArguments_serveMcpOnTheDefaultPort() {
        assertEquals(new ExampleOptions(false, 8000, false), parse(Map.of()));
    }

    @Test
    void portFlag_winsOverTheEnvironment() {
        Map<String, String> env = Map.of("KMON_PORT", "9100");

        assertEquals(9100, parse(env).port());
        assertEquals(9200, parse(env, "--port", "9200").port());
        assertEquals(0, parse(env, "--port=0").port());
        assertEquals(8000, parse(Map.of("KMON_PORT", " ")).port(), "blank counts as unset");
    }

    @Test
    void demoAndHelp_areFlags() {
        assertEquals(new ExampleOptions(true, 0, false), parse(Map.of(), "--demo", "--port", "0"));
        assertEquals(true, parse(Map.of(), "-h").help());
    }

    @Test
    void badValues_nameTheirSource() {
        assertRejected("--port must be a port number from 0 to 65535, got 'http'", Map.of(), "--port", "http");
        assertRejected("--port must be a port number from 0 to 65535, got 70000", Map.of(), "--port=70000");
        assertRejected("--port needs a value, e.g. --port 8000", Map.of(), "--port");
        assertRejected("KMON_PORT must be a port number from 0 to 65535, got '-1x'", Map.of("KMON_PORT", "-1x"));
        assertRejected("KMON_PORT must be a port number from 0 to 65535, got -1", Map.of("KMON_PORT", "-1"));
        assertRejected("unknown option '--verbose'", Map.of(), "--verbose");
    }
}
