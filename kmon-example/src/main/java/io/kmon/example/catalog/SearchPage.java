package io.kmon.example.catalog;

import java.util.List;

/**
 * The first page of a search.
 *
 * @param query the words searched for
 * @param totalCount how many entries matched in all
 * @param media the best matches, at most the requested limit
 */
public record SearchPage(String query, int totalCount, List<Media> media) {

    /** Copies {@code media}. */
    public SearchPage {
        media = List.copyOf(media);
    }
}
