package io.kmon.example.catalog;

/**
 * A media API call that failed. Checked, so every caller of {@link MediaCatalog} decides what
 * a failure means for it; the tool layer turns each subtype into an MCP tool error.
 */
public class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public CatalogException(String message) {
        super(message);
    }
}
