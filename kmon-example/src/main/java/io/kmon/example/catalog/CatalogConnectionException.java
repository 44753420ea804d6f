package io.kmon.example.catalog;

/**
 * The media API could not be reached (connection refused, reset or timed out). Always worth a
 * person's attention: {@link MediaCatalog} raises an ERROR alert for it through {@code @AlertOn}.
 */
public final class CatalogConnectionException extends CatalogException {
    private static final long serialVersionUID = 1L;

    /** A connection failure described by {@code message}. */
    public CatalogConnectionException(String message) {
        super(message);
    }
}
