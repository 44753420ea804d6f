package io.kmon.example.catalog;

import java.util.List;

/**
 * Changes to an entry's metadata; a {@code null} field is left as it is.
 *
 * @param title the new title, or null
 * @param description the new description, or null
 * @param tags the new tags (replacing the old ones), or null
 */
public record MediaUpdate(String title, String description, List<String> tags) {

    /** Copies {@code tags} when present. */
    public MediaUpdate {
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** Whether this update changes nothing. */
    public boolean isEmpty() {
        return title == null && description == null && tags == null;
    }
}
