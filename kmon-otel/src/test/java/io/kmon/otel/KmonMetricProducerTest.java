package io.kmon.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** kmon's metrics through an application's own SdkMeterProvider: its exporter, its resource. */
class KmonMetricProducerTest {

    @Test
    void appProvider_exportsKmonBesideItsOwnInstruments() throws Exception {
        try (Kmon kmon = Kmon.builder()
                        .backgroundThread(false)
                        .systemMetrics(false)
                        .build();
                OtlpReceiver receiver = new OtlpReceiver()) {
            kmon.counter("tool.calls", "method", "search").increment(11);
            SdkMeterProvider provider = SdkMeterProvider.builder()
                    .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "shop")))
                    .registerMetricReader(PeriodicMetricReader.builder(OtlpHttpMetricExporter.builder()
                                    .setEndpoint(receiver.endpoint() + "/v1/metrics")
                                    .build())
                            .setInterval(Duration.ofHours(1))
                            .build())
                    .registerMetricProducer(KmonOtel.producer(kmon))
                    .build();
            try {
                provider.get("shop").counterBuilder("shop.orders").build().add(3);
                assertTrue(provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess());
            } finally {
                CompletableResultCode done = provider.shutdown();
                done.join(30, TimeUnit.SECONDS);
            }
            OtlpReceiver.Export got = receiver.exports().get(0);
            assertEquals("shop", got.resourceAttribute("service.name"));
            Map<String, Long> byScope = new TreeMap<>();
            for (ResourceMetrics r : got.request().getResourceMetricsList()) {
                for (ScopeMetrics s : r.getScopeMetricsList()) {
                    s.getMetricsList().stream()
                            .filter(m -> m.getName().equals("tool.calls")
                                    || m.getName().equals("shop.orders"))
                            .forEach(m -> byScope.put(
                                    s.getScope().getName() + "/" + m.getName(),
                                    m.getSum().getDataPoints(0).getAsInt()));
                }
            }
            assertEquals(Map.of("io.kmon/tool.calls", 11L, "shop/shop.orders", 3L), byScope);
        }
    }
}
