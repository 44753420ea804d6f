package io.kmon.metrics;

import java.util.function.BiConsumer;

/** Hands a failed read of a function meter to the registry's hook, whose own failure is dropped. */
final class ReadFailures {
    private ReadFailures() {}

    static void report(BiConsumer<MeterId, Throwable> hook, MeterId id, Throwable failure) {
        try {
            hook.accept(id, failure);
        } catch (RuntimeException | Error e) {
            // the hook's own failure must not break the read either
        }
    }
}
