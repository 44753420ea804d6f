package io.kmon.example.tools;

import io.kmon.example.catalog.CatalogException;
import io.kmon.example.catalog.Category;
import io.kmon.example.catalog.Media;
import io.kmon.example.catalog.MediaCatalog;
import io.kmon.example.catalog.MediaUpdate;
import io.kmon.example.catalog.PlaybackUrl;
import io.kmon.example.catalog.SearchPage;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tools themselves: validate the arguments, then ask the {@link MediaCatalog}. Limits
 * here match the input schemas in {@link MediaToolDefinitions}.
 */
public final class CatalogMediaTools implements MediaTools {
    /** An entry id: {@code 0_} and eight lowercase letters or digits. */
    static final Pattern MEDIA_ID = Pattern.compile("0_[a-z0-9]{8}");

    static final String MEDIA_ID_SHAPE = "an entry id like 0_a1b2c3d4";
    static final int MAX_QUERY = 200;
    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_CATEGORY_ID = 64;
    static final List<String> FORMATS = List.of("hls", "dash", "mp4");
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;

    private final MediaCatalog catalog;

    /** Tools over {@code catalog} (normally the monitored proxy of the media API). */
    public CatalogMediaTools(MediaCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public SearchPage searchMedia(ToolArguments arguments) throws CatalogException {
        arguments.allowOnly("query", "category_id", "limit");
        String query = arguments.requiredString("query", MAX_QUERY);
        String categoryId = arguments.optionalString("category_id", MAX_CATEGORY_ID);
        int limit = arguments.optionalInt("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        return catalog.search(query, categoryId, limit);
    }

    @Override
    public Media getMedia(ToolArguments arguments) throws CatalogException {
        arguments.allowOnly("media_id");
        return catalog.get(arguments.requiredMatching("media_id", MEDIA_ID, MEDIA_ID_SHAPE));
    }

    @Override
    public List<Category> listCategories(ToolArguments arguments) throws CatalogException {
        arguments.allowOnly();
        return catalog.categories();
    }

    @Override
    public PlaybackUrl getPlaybackUrl(ToolArguments arguments) throws CatalogException {
        arguments.allowOnly("media_id", "format");
        String mediaId = arguments.requiredMatching("media_id", MEDIA_ID, MEDIA_ID_SHAPE);
        String format = arguments.optionalChoice("format", FORMATS.get(0), FORMATS);
        return catalog.playbackUrl(mediaId, format);
    }

    @Override
    public Media updateMetadata(ToolArguments arguments) throws CatalogException {
        arguments.allowOnly("media_id", "title", "description", "tags");
        String mediaId = arguments.requiredMatching("media_id", MEDIA_ID, MEDIA_ID_SHAPE);
        MediaUpdate update = new MediaUpdate(
                arguments.optionalString("title", MAX_TITLE),
                description(arguments),
                arguments.optionalStringList("tags", MAX_TAGS, MAX_TAG));
        if (update.isEmpty()) {
            throw arguments.invalid("give at least one of 'title', 'description', 'tags'");
        }
        return catalog.update(mediaId, update);
    }

    /** A description may be cleared with "", unlike a title. */
    private static String description(ToolArguments arguments) {
        Object value = arguments.values().get("description");
        if ("".equals(value)) {
            return "";
        }
        return arguments.optionalString("description", MAX_DESCRIPTION);
    }
}
