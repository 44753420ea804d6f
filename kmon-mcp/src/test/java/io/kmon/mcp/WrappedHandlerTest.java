package io.kmon.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.annotations.AlertLevel;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Wrapped handlers called directly: the same result and exception, exact counts under concurrency. */
class WrappedHandlerTest {
    private static final String DURATION = McpConventions.OPERATION_DURATION;

    private final Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();
    private final KmonMcp mcp = KmonMcp.instrument(kmon);

    @AfterEach
    void close() {
        kmon.close();
    }

    private static McpSchema.Tool tool(String name) {
        return McpSchema.Tool.builder(name, Map.of("type", "object")).build();
    }

    private static CallToolRequest request(String name) {
        return CallToolRequest.builder(name).build();
    }

    private long count(String tool, String... more) {
        List<String> tags = new ArrayList<>(
                List.of(McpConventions.METHOD_NAME, McpConventions.TOOLS_CALL, McpConventions.TOOL_NAME, tool));
        tags.addAll(List.of(more));
        return kmon.snapshot().count(DURATION, tags.toArray(String[]::new));
    }

    @Test
    void syncHandler_returnsTheSameResult_andThrowsTheSameError() {
        CallToolResult result =
                CallToolResult.builder().addTextContent("ok").isError(false).build();
        StackOverflowError error = new StackOverflowError("deep");
        SyncToolSpecification ok = mcp.tool(new SyncToolSpecification(tool("ok"), (ex, req) -> result));
        SyncToolSpecification bad = mcp.tool(new SyncToolSpecification(tool("bad"), (ex, req) -> {
            throw error;
        }));
        SyncToolSpecification none = mcp.tool(new SyncToolSpecification(tool("none"), (ex, req) -> null));

        assertSame(result, ok.callHandler().apply(null, request("ok")));
        assertSame(
                error,
                assertThrows(StackOverflowError.class, () -> bad.callHandler().apply(null, request("bad"))));
        assertNull(none.callHandler().apply(null, request("none")));

        assertEquals(1, count("ok"));
        assertEquals(1, count("bad", McpConventions.ERROR_TYPE, "StackOverflowError"));
        assertEquals(1, count("none"));
    }

    @Test
    void asyncHandler_passesTheMonoThrough_andRecordsOnlyWhenItCompletes() {
        AtomicInteger subscriptions = new AtomicInteger();
        IllegalStateException error = new IllegalStateException("late");
        AsyncToolSpecification failing = mcp.tool(new AsyncToolSpecification(
                tool("failing"),
                (ex, req) -> Mono.<CallToolResult>error(error).doOnSubscribe(s -> subscriptions.incrementAndGet())));

        Mono<CallToolResult> mono = failing.callHandler().apply(null, request("failing"));
        assertEquals(
                0, count("failing", McpConventions.ERROR_TYPE, "IllegalStateException"), "not before it completes");
        assertSame(error, assertThrows(IllegalStateException.class, mono::block));
        assertEquals(1, subscriptions.get());
        assertEquals(1, count("failing", McpConventions.ERROR_TYPE, "IllegalStateException"));

        AsyncToolSpecification never = mcp.tool(new AsyncToolSpecification(tool("never"), (ex, req) -> Mono.never()));
        never.callHandler().apply(null, request("never")).subscribe().dispose();
        assertEquals(0, count("never"), "a cancelled call is not recorded");
    }

    @Test
    void concurrentCalls_areCountedExactly() throws InterruptedException {
        SyncToolSpecification spec = mcp.tool(new SyncToolSpecification(
                tool("t"),
                (ex, req) -> CallToolResult.builder()
                        .addTextContent("x")
                        .isError(req.arguments() != null)
                        .build()));
        int threads = 8;
        int calls = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            boolean errors = i % 2 == 1;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                CallToolRequest request = errors
                        ? CallToolRequest.builder("t").arguments(Map.of()).build()
                        : request("t");
                for (int n = 0; n < calls; n++) {
                    spec.callHandler().apply(null, request);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(threads / 2 * calls, count("t"));
        assertEquals(threads / 2 * calls, count("t", McpConventions.ERROR_TYPE, McpConventions.TOOL_ERROR));
        assertEquals(threads * calls, kmon.snapshot().count("mcp.tool.calls", "component", "mcp_tools", "method", "t"));
    }

    @Test
    void slowCalls_raiseTheirNamesAlert() {
        KmonMcp slow = mcp.slowCall(Duration.ofNanos(1)).configure("quiet", p -> p.slowCall(Duration.ZERO));
        SyncToolSpecification loud = slow.tool(new SyncToolSpecification(tool("loud"), (ex, req) -> spin()));
        SyncToolSpecification quiet = slow.tool(new SyncToolSpecification(tool("quiet"), (ex, req) -> spin()));
        loud.callHandler().apply(null, request("loud"));
        quiet.callHandler().apply(null, request("quiet"));
        kmon.checkAlertsNow();

        var alerts = kmon.alerts().recent().stream()
                .filter(a -> a.rule().equals("slow_call"))
                .toList();
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(AlertLevel.WARNING, alerts.get(0).level());
        assertTrue(alerts.get(0).toString().contains("loud"), alerts.toString());
    }

    /** Takes over two nanoseconds, so over the 1 ns threshold above without any timing assumption. */
    private static CallToolResult spin() {
        long start = System.nanoTime();
        while (System.nanoTime() - start <= 2) {
            Thread.onSpinWait();
        }
        return CallToolResult.builder().addTextContent("done").isError(false).build();
    }

    @Test
    void badSettings_areRefusedWhereTheyAreMade() {
        assertThrows(IllegalArgumentException.class, () -> CallPolicy.defaults().slowCall(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> mcp.configure("x", p -> null));
        assertThrows(NullPointerException.class, () -> KmonMcp.instrument(null));
        assertEquals(
                McpToolError.MAX_MESSAGE + 1,
                new McpToolError("x".repeat(5_000)).getMessage().length());
    }
}
