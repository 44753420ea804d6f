package io.kmon.example.catalog;

/**
 * The media API rejected the session (expired or revoked credentials). Like a connection
 * failure, it raises an ERROR alert through {@code @AlertOn} on {@link MediaCatalog}.
 */
public final class CatalogAuthenticationException extends CatalogException {
    private static final long serialVersionUID = 1L;

    /** An authentication failure described by {@code message}. */
    public CatalogAuthenticationException(String message) {
        super(message);
    }
}
