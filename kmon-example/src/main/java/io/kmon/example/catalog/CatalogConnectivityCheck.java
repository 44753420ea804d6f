package io.kmon.example.catalog;

import io.kmon.health.HealthCheck;
import io.kmon.health.HealthResult;
import java.util.Map;
import java.util.Objects;

/**
 * Readiness of the media API link:
 * healthy while connected, degraded while the session is expired (the API answers, but every
 * call is rejected until the session is renewed), unhealthy while the API cannot be reached.
 * It reads {@link MediaCatalog#connectivity()}, which makes no API call, so probing it does
 * not add to {@code api.calls}.
 */
public final class CatalogConnectivityCheck implements HealthCheck {
    /** The check's name in {@code /health}. */
    public static final String NAME = "media_api_connectivity";

    private final MediaCatalog catalog;

    /** A check of {@code catalog}'s link. */
    public CatalogConnectivityCheck(MediaCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public HealthResult check() {
        Connectivity connectivity = catalog.connectivity();
        Map<String, Object> details = Map.of(
                "session_status", connectivity.state().name().toLowerCase(java.util.Locale.ROOT),
                "detail", connectivity.detail());
        return switch (connectivity.state()) {
            case CONNECTED -> HealthResult.healthy(details);
            case SESSION_EXPIRED -> HealthResult.degraded(details);
            case DISCONNECTED -> HealthResult.unhealthy(details);
        };
    }
}
