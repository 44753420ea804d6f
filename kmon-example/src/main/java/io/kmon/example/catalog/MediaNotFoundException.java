package io.kmon.example.catalog;

/** No media entry has the requested id. An ordinary failure: counted, never alerted on. */
public final class MediaNotFoundException extends CatalogException {
    private static final long serialVersionUID = 1L;

    /** No entry {@code mediaId}. */
    public MediaNotFoundException(String mediaId) {
        super("no media entry with id '" + mediaId + "'");
    }
}
