package test;

import io.kmon.annotations.Monitored;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Asynchronous results: timed until they complete. */
@Monitored
public interface Jobs {
    /** A CompletableFuture subtype, returned to the caller as itself. */
    final class Job<T> extends CompletableFuture<T> {}

    CompletableFuture<String> submit(String job);

    CompletionStage<Integer> stage(int n);

    Job<String> custom(String name);

    <F extends CompletionStage<String>> F typed(Supplier<F> source);

    CompletableFuture<Void> refuse(String why);
}
