package io.kmon.example.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One video in the catalog.
 *
 * @param id the entry id, {@code 0_} followed by eight lowercase letters or digits
 * @param title the title shown to viewers
 * @param description a longer text; may be empty
 * @param categoryId the id of the entry's {@link Category}
 * @param tags free-form keywords
 * @param durationSeconds the running time
 * @param status whether it can be played yet
 * @param views how often it was played
 * @param updatedAt when its metadata last changed, ISO-8601 UTC
 */
public record Media(
        String id,
        String title,
        String description,
        String categoryId,
        List<String> tags,
        int durationSeconds,
        MediaStatus status,
        long views,
        String updatedAt) {

    /** Copies {@code tags} and rejects missing fields. */
    public Media {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(categoryId, "categoryId");
        tags = List.copyOf(tags);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
