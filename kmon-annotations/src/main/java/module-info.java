/**
 * kmon's compile-time annotations ({@code @Monitored}, {@code @SlowAlert}, {@code @AlertOn},
 * {@code @NotMonitored}) and the {@code AlertLevel} both the processor and the runtime use.
 */
module io.kmon.annotations {
    exports io.kmon.annotations;
}
