package io.kmon.example.catalog;

/** The entry exists but is still being transcoded, so it has no playback URL yet. */
public final class MediaNotReadyException extends CatalogException {
    private static final long serialVersionUID = 1L;

    /** Entry {@code mediaId} is in {@code status}. */
    public MediaNotReadyException(String mediaId, MediaStatus status) {
        super("media entry '" + mediaId + "' is " + status.name().toLowerCase(java.util.Locale.ROOT)
                + " and cannot be played yet");
    }
}
