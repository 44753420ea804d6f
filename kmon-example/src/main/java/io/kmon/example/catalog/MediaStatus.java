package io.kmon.example.catalog;

/** Where a media entry is in its life: only {@link #READY} entries can be played. */
public enum MediaStatus {
    /** Uploaded and still being transcoded. */
    PROCESSING,
    /** Transcoded; playback URLs can be issued. */
    READY
}
