package io.kmon.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.kmon.annotations.AlertLevel;
import java.io.IOException;
import java.util.Locale;

/**
 * The one Jackson configuration of the exporter: record components in {@code snake_case}, enums
 * in their lower-case wire form ({@code healthy}, {@code warning}), no failure on empty beans. Writers hand it plain records, maps and lists built from snapshots;
 * it never sees a live meter.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // HealthStatus's toString is its wire form ("healthy"); alert levels read the same way
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .registerModule(new SimpleModule("kmon")
                    .addSerializer(AlertLevel.class, new StdSerializer<>(AlertLevel.class) {
                        @Override
                        public void serialize(AlertLevel level, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            gen.writeString(level(level));
                        }
                    }));

    private Json() {}

    /**
     * {@return {@code value} as UTF-8 JSON}
     *
     * @param value records, maps, lists and scalars built from snapshots
     */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // Only our own records and maps reach here; a failure is a bug in a writer.
            throw new IllegalStateException(
                    "cannot write JSON for " + value.getClass().getName(), e);
        }
    }

    /**
     * {@return the wire form of an alert level} {@code warning}, as in kmon's {@code monitoring.alerts{level}}.
     *
     * @param level the level
     */
    public static String level(AlertLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return {@code value}, or null when it is not finite} JSON has no NaN or infinity.
     *
     * @param value a number
     */
    public static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** {@return the mapper} To read what the writers wrote. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
