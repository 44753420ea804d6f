package io.kmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.kmon.Kmon;
import io.kmon.metrics.MetricsSnapshot;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CompletionStage and CompletableFuture returns are timed to completion and returned as they are. */
class AsyncTest {
    private static final String SCENARIO = """
            package test;

            import io.kmon.Kmon;
            import java.util.LinkedHashMap;
            import java.util.Map;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CompletionStage;
            import java.util.function.Function;
            import java.util.function.Supplier;

            public final class JobsScenario implements Function<Kmon, Object> {
                @Override
                public Object apply(Kmon kmon) {
                    CompletableFuture<String> submitted = new CompletableFuture<>();
                    CompletableFuture<Integer> staged = new CompletableFuture<>();
                    Jobs.Job<String> custom = new Jobs.Job<>();
                    CompletableFuture<String> typed = new CompletableFuture<>();
                    IllegalStateException refused = new IllegalStateException("refused");
                    Jobs fake = new Jobs() {
                        @Override public CompletableFuture<String> submit(String job) { return submitted; }
                        @Override public CompletionStage<Integer> stage(int n) { return staged; }
                        @Override public Job<String> custom(String name) { return custom; }
                        @Override public <F extends CompletionStage<String>> F typed(Supplier<F> source) { return source.get(); }
                        @Override public CompletableFuture<Void> refuse(String why) { throw refused; }
                    };
                    Jobs jobs = MonitoredJobs.wrap(fake, kmon);
                    Map<String, Object> seen = new LinkedHashMap<>();
                    seen.put("submitSame", jobs.submit("a") == submitted);
                    seen.put("stageSame", jobs.stage(1) == staged);
                    Jobs.Job<String> job = jobs.custom("c");
                    seen.put("customSame", job == custom);
                    CompletableFuture<String> typedResult = jobs.typed(() -> typed);
                    seen.put("typedSame", typedResult == typed);
                    try {
                        jobs.refuse("no");
                    } catch (IllegalStateException e) {
                        seen.put("refuseSame", e == refused);
                    }
                    seen.put("submitted", submitted);
                    seen.put("staged", staged);
                    seen.put("custom", custom);
                    seen.put("typed", typed);
                    return seen;
                }
            }
            """;

    private static Compilation compilation;
    private Kmon kmon;
    private Map<?, ?> seen;

    @BeforeAll
    static void compile() {
        compilation = Compile.succeeding(Compile.shape("Jobs"), Compile.source("JobsScenario", SCENARIO));
    }

    @BeforeEach
    void run() {
        kmon = Compile.kmon();
        seen = (Map<?, ?>) Compile.run(compilation, "JobsScenario", kmon);
    }

    @Test
    void asyncCalls_returnTheDelegatesOwnStage() {
        assertEquals(true, seen.get("submitSame"));
        assertEquals(true, seen.get("stageSame"));
        assertEquals(true, seen.get("customSame"));
        assertEquals(true, seen.get("typedSame"));
    }

    @Test
    void asyncCall_isCountedWhenItCompletesNotWhenItReturns() {
        assertEquals(0, calls("submit"));

        @SuppressWarnings("unchecked")
        CompletableFuture<String> submitted = (CompletableFuture<String>) future("submitted");
        submitted.complete("done");

        assertEquals(1, calls("submit"));
        assertEquals(1, snapshot().count("kmon.successes", "component", "test.Jobs", "method", "submit"));
        assertEquals(1, snapshot().count("kmon.duration", "component", "test.Jobs", "method", "submit"));
    }

    @Test
    void exceptionalCompletion_isAnErrorOfTheCausesType() {
        future("staged").completeExceptionally(new IOException("disk"));
        future("custom").completeExceptionally(new CompletionException(new ConnectException("refused")));
        future("typed").cancel(true);

        assertEquals(1, errors("stage", "IOException"));
        assertEquals(1, errors("custom", "ConnectException"));
        assertEquals(1, errors("typed", "CancellationException"));
        assertEquals(0, snapshot().sum("kmon.successes", "component", "test.Jobs"));
    }

    @Test
    void synchronousThrow_isAnErrorAndReachesTheCaller() {
        assertEquals(true, seen.get("refuseSame"));
        assertEquals(1, errors("refuse", "IllegalStateException"));
    }

    private CompletableFuture<?> future(String name) {
        return (CompletableFuture<?>) seen.get(name);
    }

    private MetricsSnapshot snapshot() {
        return kmon.snapshot();
    }

    private long calls(String method) {
        return snapshot().count("kmon.calls", "component", "test.Jobs", "method", method);
    }

    private long errors(String method, String type) {
        return snapshot().count("kmon.errors", "component", "test.Jobs", "method", method, "error_type", type);
    }
}
