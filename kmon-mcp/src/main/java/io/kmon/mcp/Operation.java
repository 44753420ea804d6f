package io.kmon.mcp;

import io.kmon.Kmon;
import io.kmon.internal.ComponentMonitor;
import io.kmon.internal.MethodMonitor;
import io.kmon.metrics.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monitoring of one tool, prompt or resource: kmon's own method handle (calls, errors by
 * type, duration, slow-call and typed alerts, error groups, the component's health check) and
 * the {@value McpConventions#OPERATION_DURATION} timers. Each outcome is recorded once on both.
 *
 * <p>Thread-safe. The success path with no per-request tag is two timer records and no
 * allocation; a failure looks up its {@code error.type} timer, made once per type. Nothing
 * here throws into the call: a failure of kmon's is counted as
 * {@code monitoring.internal_failures{source="mcp"}}.
 */
final class Operation {
    private static final String SOURCE = "mcp";

    private final Kmon kmon;
    private final MethodMonitor method;
    private final List<String> baseTags;
    private final Timer succeeded;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    /**
     * @param baseTags the tags of every series of this operation, alternating keys and values
     */
    Operation(Kmon kmon, ComponentMonitor component, String name, CallPolicy policy, List<String> baseTags) {
        this.kmon = kmon;
        this.method = component.method(
                name, policy.slowNanos(), policy.slowLevel(), policy.alertOn().toArray(Class<?>[]::new));
        this.baseTags = List.copyOf(baseTags);
        this.succeeded = kmon.timer(McpConventions.OPERATION_DURATION, this.baseTags.toArray(String[]::new));
    }

    /** An operation that returned normally after {@code nanos}; {@code uri} is null unless recorded. */
    void success(long nanos, String uri) {
        try {
            method.success(nanos);
            (uri == null ? succeeded : timer(null, uri)).record(nanos);
        } catch (RuntimeException | LinkageError e) {
            kmon.containedFailure(SOURCE, e);
        }
    }

    /** A tool call that returned {@code isError: true} after {@code nanos}, with its first text. */
    void toolError(long nanos, String message, String uri) {
        try {
            method.failure(nanos, new McpToolError(message));
            timer(McpConventions.TOOL_ERROR, uri).record(nanos);
        } catch (RuntimeException | LinkageError e) {
            kmon.containedFailure(SOURCE, e);
        }
    }

    /** An operation that threw (or whose result failed with) {@code error} after {@code nanos}. */
    void failure(long nanos, Throwable error, String uri) {
        try {
            method.failure(nanos, error);
            timer(MethodMonitor.errorType(error.getClass()), uri).record(nanos);
        } catch (RuntimeException | LinkageError e) {
            kmon.containedFailure(SOURCE, e);
        }
    }

    /** Timers by error type are kept here; by URI they are looked up in kmon's registry, whose cap bounds them. */
    private Timer timer(String errorType, String uri) {
        if (uri != null) {
            return newTimer(errorType, uri);
        }
        Timer timer = timers.get(errorType);
        return timer != null ? timer : timers.computeIfAbsent(errorType, k -> newTimer(errorType, null));
    }

    private Timer newTimer(String errorType, String uri) {
        List<String> tags = new ArrayList<>(baseTags);
        if (errorType != null) {
            tags.add(McpConventions.ERROR_TYPE);
            tags.add(errorType);
        }
        if (uri != null) {
            tags.add(McpConventions.RESOURCE_URI);
            tags.add(uri);
        }
        return kmon.timer(McpConventions.OPERATION_DURATION, tags.toArray(String[]::new));
    }
}
