package test;

import io.kmon.annotations.Monitored;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Raw and wildcard futures, an intersection-bounded future type, and a raw parameter. */
@Monitored
public interface Raw {
    @SuppressWarnings("rawtypes")
    CompletableFuture raw();

    CompletionStage<?> wildcard();

    <T extends CompletableFuture<String> & Runnable> T both();

    @SuppressWarnings("rawtypes")
    int size(List values);
}
