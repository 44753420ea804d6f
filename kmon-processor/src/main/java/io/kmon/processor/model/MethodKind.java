package io.kmon.processor.model;

/** How the generated class implements one interface method. */
public enum MethodKind {
    /** Timed around the delegate call; the outcome is reported when the call returns or throws. */
    TIMED,
    /**
     * Returns a {@code CompletionStage} (or a subtype): timed until the stage completes, and a
     * synchronous throw is a failure too. The caller gets the delegate's stage itself.
     */
    ASYNC,
    /** {@code @NotMonitored}: passed straight to the delegate. */
    DELEGATED
}
