package test;

import io.kmon.annotations.Monitored;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/** Stages timed to completion, and a plain Future, which is not a stage and is timed as a call. */
@Monitored
public interface Futures {
    CompletableFuture<List<String>> list();

    CompletionStage<Void> done();

    Future<String> plain();
}
