package io.kmon.otel;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running OTLP push of kmon's metrics, started by {@link KmonOtel#startFromEnvironment}: an SDK
 * of its own (metrics only) that exports every {@code OTEL_METRIC_EXPORT_INTERVAL}. Close it at
 * shutdown: closing exports once more, so the last calls are not lost.
 */
public final class OtlpExport implements AutoCloseable {
    /** Longest wait for a flush or the final export; the exporter's own timeout bounds each request. */
    static final long WAIT_SECONDS = 30;

    private final OpenTelemetrySdk sdk;
    private final AtomicBoolean closed = new AtomicBoolean();

    OtlpExport(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    /** {@return whether an export now succeeded} within {@value #WAIT_SECONDS} seconds. */
    public boolean flush() {
        return await(sdk.getSdkMeterProvider().forceFlush());
    }

    /** Exports once more and stops; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            await(sdk.shutdown());
        }
    }

    private static boolean await(CompletableResultCode result) {
        return result.join(WAIT_SECONDS, TimeUnit.SECONDS).isSuccess();
    }
}
