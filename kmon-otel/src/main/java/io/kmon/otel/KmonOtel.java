package io.kmon.otel;

import io.kmon.Kmon;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The two ways kmon's metrics reach OpenTelemetry.
 *
 * <ul>
 *   <li>An application with its own {@code SdkMeterProvider} registers {@link #producer}: kmon's
 *       metrics then go wherever the provider's readers send them, under its resource.
 *   <li>An application without one calls {@link #startFromEnvironment} once: when
 *       {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set it pushes kmon's metrics over OTLP/HTTP
 *       (protobuf, the JDK's HTTP client), configured the standard way by the SDK's
 *       autoconfigure module; when it is not, nothing starts.
 * </ul>
 */
public final class KmonOtel {
    private static final System.Logger LOG = System.getLogger(KmonOtel.class.getName());

    /** The variables (or system properties, dotted and lower case) that switch the push on. */
    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    static final String METRICS_ENDPOINT = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";

    private KmonOtel() {}

    /**
     * {@return a producer of kmon's metrics} for {@code SdkMeterProviderBuilder.registerMetricProducer}.
     *
     * @param kmon whose metrics
     */
    public static KmonMetricProducer producer(Kmon kmon) {
        return new KmonMetricProducer(kmon);
    }

    /**
     * Pushes kmon's metrics over OTLP when the process environment (or the system properties)
     * name an endpoint. Every standard variable applies: {@code OTEL_EXPORTER_OTLP_ENDPOINT},
     * {@code OTEL_EXPORTER_OTLP_PROTOCOL} ({@code http/protobuf}, the default here, or
     * {@code http/json}), {@code OTEL_EXPORTER_OTLP_HEADERS}, {@code OTEL_EXPORTER_OTLP_COMPRESSION},
     * {@code OTEL_EXPORTER_OTLP_TIMEOUT}, {@code OTEL_METRIC_EXPORT_INTERVAL},
     * {@code OTEL_SERVICE_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES}, and their {@code _METRICS_}
     * forms. Traces and logs are never exported from here. A configuration the SDK refuses
     * (gRPC, which needs a sender not on the class path; a malformed header) is logged and
     * starts nothing: monitoring never stops the service.
     *
     * @param kmon whose metrics
     * @param defaultServiceName {@code service.name} unless {@code OTEL_SERVICE_NAME} or
     *     {@code OTEL_RESOURCE_ATTRIBUTES} set one
     * @return the running push, to close at shutdown; empty when no endpoint is set or the
     *     configuration was refused
     */
    public static Optional<OtlpExport> startFromEnvironment(Kmon kmon, String defaultServiceName) {
        return start(kmon, defaultServiceName, System.getenv());
    }

    /** {@link #startFromEnvironment} with {@code environment} over the process's own variables. */
    static Optional<OtlpExport> start(Kmon kmon, String defaultServiceName, Map<String, String> environment) {
        Objects.requireNonNull(kmon, "kmon");
        Objects.requireNonNull(defaultServiceName, "defaultServiceName");
        Map<String, String> given = properties(environment);
        if (!enabled(given)) {
            return Optional.empty();
        }
        try {
            KmonMetricProducer producer = producer(kmon);
            AutoConfiguredOpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> Map.of(
                            "otel.exporter.otlp.protocol", "http/protobuf", "otel.service.name", defaultServiceName))
                    .addPropertiesCustomizer(config -> {
                        Map<String, String> fixed = new HashMap<>(given);
                        fixed.put("otel.traces.exporter", "none");
                        fixed.put("otel.logs.exporter", "none");
                        fixed.putIfAbsent("otel.metrics.exporter", "otlp");
                        return fixed;
                    })
                    .addMeterProviderCustomizer((builder, config) -> builder.registerMetricProducer(producer))
                    .disableShutdownHook()
                    .build();
            return Optional.of(new OtlpExport(sdk.getOpenTelemetrySdk()));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "kmon: OpenTelemetry export not started: " + e.getMessage()
                            + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            kmon.containedFailure("otel", e);
            return Optional.empty();
        }
    }

    /**
     * The {@code OTEL_*} variables as the SDK's property names ({@code otel.exporter.otlp.endpoint}),
     * then the system properties over them, as the SDK ranks them.
     */
    static Map<String, String> properties(Map<String, String> environment) {
        Map<String, String> out = new HashMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith("OTEL_") && v != null) {
                out.put(k.toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        System.getProperties().forEach((k, v) -> {
            if (k instanceof String key && key.startsWith("otel.") && v instanceof String value) {
                out.put(key, value);
            }
        });
        return out;
    }

    private static boolean enabled(Map<String, String> properties) {
        if ("true"
                .equalsIgnoreCase(
                        properties.getOrDefault("otel.sdk.disabled", "false").strip())) {
            return false;
        }
        return !properties.getOrDefault(dotted(ENDPOINT), "").isBlank()
                || !properties.getOrDefault(dotted(METRICS_ENDPOINT), "").isBlank();
    }

    private static String dotted(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
