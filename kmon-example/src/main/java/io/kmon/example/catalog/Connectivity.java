package io.kmon.example.catalog;

import java.util.Objects;

/**
 * What the catalog client knows about its link to the media API, without making a call: the
 * basis of the readiness check ({@link CatalogConnectivityCheck}).
 *
 * @param state the link's state
 * @param detail a short explanation for people
 */
public record Connectivity(State state, String detail) {

    /** Rejects missing fields. */
    public Connectivity {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }

    /** The link's state, best first. */
    public enum State {
        /** Connected with a valid session. */
        CONNECTED,
        /** Reachable, but the session expired: calls fail until it is renewed. */
        SESSION_EXPIRED,
        /** The API cannot be reached. */
        DISCONNECTED
    }
}
