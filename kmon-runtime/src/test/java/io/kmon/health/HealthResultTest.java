package io.kmon.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthResultTest {
    @Test
    void eachStatus_hasAFormWithoutDetails() {
        assertEquals(HealthResult.of(HealthStatus.HEALTHY, Map.of()), HealthResult.healthy());
        assertEquals(HealthResult.of(HealthStatus.DEGRADED, Map.of()), HealthResult.degraded());
        assertEquals(HealthResult.of(HealthStatus.UNHEALTHY, Map.of()), HealthResult.unhealthy());
    }
}
