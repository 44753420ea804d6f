package io.kmon.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmon.format.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client for browser tests: starts headless Chromium with
 * a debugging port, sends commands over its WebSocket and waits (bounded) for each result.
 * Events are ignored. Closing it ends the browser.
 */
final class DevTools implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;
    private static final String LISTENING = "DevTools listening on ";

    private final Process browser;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private DevTools(Process browser, URI endpoint) throws Exception {
        this.browser = browser;
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(endpoint, new Listener())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts {@code chromium} with {@code flags} plus a debugging port and connects to it. */
    static DevTools start(String chromium, List<String> flags) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(chromium);
        cmd.addAll(flags);
        cmd.add("--remote-debugging-port=0");
        cmd.add("about:blank");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            if (line.startsWith(LISTENING)) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> {}), "chromium-stderr");
                drain.setDaemon(true); // keeps the pipe from filling up and blocking the browser
                drain.start();
                return new DevTools(
                        p, URI.create(line.substring(LISTENING.length()).trim()));
            }
            seen.append(line).append('\n');
        }
        p.destroyForcibly();
        throw new AssertionError("chromium exited without a DevTools endpoint:\n" + seen);
    }

    /** Runs {@code method} in {@code session} (null for the browser) and returns its result. */
    JsonNode send(String session, String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = Json.mapper().createObjectNode().put("id", id).put("method", method);
        message.set("params", Json.mapper().valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(Json.mapper().writeValueAsString(message), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        JsonNode reply = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new AssertionError(method + " failed: " + reply.get("error"));
        }
        return reply.get("result");
    }

    /** The value of {@code expression} in {@code session}, awaited when it is a promise. */
    JsonNode evaluate(String session, String expression) throws Exception {
        JsonNode result = send(
                session,
                "Runtime.evaluate",
                Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError(expression + " threw: " + result.get("exceptionDetails"));
        }
        return result.get("result").get("value");
    }

    @Override
    public void close() {
        socket.abort();
        browser.destroy();
        try {
            if (!browser.waitFor(30, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
        } catch (InterruptedException e) {
            browser.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = Json.mapper().readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer =
                                pending.remove(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
