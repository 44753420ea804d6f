package io.kmon.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Wraps an SDK handler so each call is recorded on its {@link Operation}, and otherwise passes
 * the call, its result and its exception through unchanged. A sync handler is timed around the
 * call; an async one from the call to its {@link Mono}'s completion (a cancelled or never
 * completing {@code Mono} is not recorded; a null one is a success now, as kmon's
 * {@code CompletionStage} timing counts a null stage).
 */
final class Handlers {
    private Handlers() {}

    /** {@code handler}, recorded on {@code op}; {@code uriOf} gives the request's URI, or null when not recorded. */
    static <X, Q, R> BiFunction<X, Q, R> sync(BiFunction<X, Q, R> handler, Operation op, Function<Q, String> uriOf) {
        return (exchange, request) -> {
            long start = System.nanoTime();
            R result;
            try {
                result = handler.apply(exchange, request);
            } catch (RuntimeException | Error e) {
                op.failure(System.nanoTime() - start, e, uri(uriOf, request));
                throw e;
            }
            completed(op, System.nanoTime() - start, result, uri(uriOf, request));
            return result;
        };
    }

    /** {@code handler}, recorded on {@code op} when its {@code Mono} completes. */
    static <X, Q, R> BiFunction<X, Q, Mono<R>> async(
            BiFunction<X, Q, Mono<R>> handler, Operation op, Function<Q, String> uriOf) {
        return (exchange, request) -> {
            long start = System.nanoTime();
            Mono<R> result;
            try {
                result = handler.apply(exchange, request);
            } catch (RuntimeException | Error e) {
                op.failure(System.nanoTime() - start, e, uri(uriOf, request));
                throw e;
            }
            if (result == null) {
                op.success(System.nanoTime() - start, uri(uriOf, request));
                return null;
            }
            return result.doOnSuccess(r -> completed(op, System.nanoTime() - start, r, uri(uriOf, request)))
                    .doOnError(e -> op.failure(System.nanoTime() - start, e, uri(uriOf, request)));
        };
    }

    private static void completed(Operation op, long nanos, Object result, String uri) {
        if (result instanceof CallToolResult tool && Boolean.TRUE.equals(tool.isError())) {
            op.toolError(nanos, firstText(tool.content()), uri);
        } else {
            op.success(nanos, uri);
        }
    }

    private static String firstText(List<?> content) {
        try {
            if (content != null) {
                for (Object c : content) {
                    if (c instanceof TextContent text) {
                        return text.text();
                    }
                }
            }
        } catch (RuntimeException e) {
            // a result the SDK can still write but we cannot read: the error is counted without its text
        }
        return null;
    }

    private static <Q> String uri(Function<Q, String> uriOf, Q request) {
        if (uriOf == null || request == null) {
            return null;
        }
        try {
            return uriOf.apply(request);
        } catch (RuntimeException e) {
            return null; // a request without a readable URI is still recorded, without the tag
        }
    }
}
