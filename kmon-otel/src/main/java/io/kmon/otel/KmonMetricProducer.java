package io.kmon.otel;

import io.kmon.Kmon;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * kmon's metrics for an application's own {@code SdkMeterProvider}: each collection reads one
 * kmon snapshot and hands it over under the provider's resource, to the provider's exporters.
 *
 * <pre>{@code
 * SdkMeterProvider provider = SdkMeterProvider.builder()
 *         .registerMetricReader(reader)
 *         .registerMetricProducer(KmonOtel.producer(Kmon.global()))
 *         .build();
 * }</pre>
 *
 * <p>Points are cumulative whatever temporality the exporter prefers: kmon keeps totals since
 * its start, and a producer's data reaches the exporter as produced.
 */
public final class KmonMetricProducer implements MetricProducer {
    /** The instrumentation scope of kmon's metrics. */
    public static final String SCOPE_NAME = "io.kmon";

    private final Kmon kmon;
    private final InstrumentationScopeInfo scope;

    KmonMetricProducer(Kmon kmon) {
        this.kmon = Objects.requireNonNull(kmon, "kmon");
        String version = KmonMetricProducer.class.getPackage().getImplementationVersion();
        this.scope = version == null
                ? InstrumentationScopeInfo.create(SCOPE_NAME)
                : InstrumentationScopeInfo.builder(SCOPE_NAME)
                        .setVersion(version)
                        .build();
    }

    /**
     * {@return kmon's metrics now} or none when reading them fails: the failure is counted in
     * {@code monitoring.internal_failures{source="otel"}}, never thrown into the SDK's reader.
     *
     * @param resource the provider's resource, given to every metric
     */
    @Override
    public Collection<MetricData> produce(Resource resource) {
        try {
            return SnapshotMetrics.of(kmon.snapshot(), kmon.startMillis(), resource, scope);
        } catch (RuntimeException e) {
            kmon.containedFailure("otel", e);
            return List.of();
        }
    }
}
