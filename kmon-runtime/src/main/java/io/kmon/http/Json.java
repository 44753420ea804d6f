package io.kmon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson configuration of the exporter: record components in {@code snake_case}, no
 * failure on empty beans. Writers hand it plain records, maps and lists built from snapshots;
 * it never sees a live meter.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    /** {@code value} as UTF-8 JSON. */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // Only our own records and maps reach here; a failure is a bug in a writer.
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getName(), e);
        }
    }

    /** A finite number, or null: JSON has no NaN or infinity. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The mapper, for tests that read what the writers wrote. */
    static ObjectMapper mapper() {
        return MAPPER;
    }
}
