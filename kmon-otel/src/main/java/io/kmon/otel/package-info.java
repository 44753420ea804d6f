/**
 * kmon's metrics in OpenTelemetry: {@link io.kmon.otel.KmonMetricProducer} hands kmon's snapshot to
 * an application's own {@code SdkMeterProvider}; {@link io.kmon.otel.KmonOtel#startFromEnvironment}
 * pushes it over OTLP/HTTP, configured by the standard {@code OTEL_*} variables, for an application
 * without one.
 */
package io.kmon.otel;
