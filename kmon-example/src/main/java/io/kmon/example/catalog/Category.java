package io.kmon.example.catalog;

/**
 * A group of media entries.
 *
 * @param id the category id used by {@code search_media}'s {@code category_id}
 * @param name the display name
 * @param mediaCount how many entries it holds now
 */
public record Category(String id, String name, int mediaCount) {}
