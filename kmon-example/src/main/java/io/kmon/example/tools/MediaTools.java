package io.kmon.example.tools;

import io.kmon.example.catalog.CatalogException;
import io.kmon.example.catalog.Category;
import io.kmon.example.catalog.Media;
import io.kmon.example.catalog.PlaybackUrl;
import io.kmon.example.catalog.SearchPage;
import java.util.List;

/**
 * The MCP tools of the example, one method per tool, each taking the call's raw arguments so
 * that validating them is part of the monitored call. Not a {@code @Monitored} interface: the
 * MCP layer is monitored by kmon-mcp around the SDK's tool specifications
 * ({@link ToolDispatcher}), under OpenTelemetry's names; the media API behind it is the
 * {@code @Monitored} one.
 */
public interface MediaTools {
    /** A tool call slower than this raises a WARNING alert (the example's kmon-mcp policy). */
    long SLOW_MILLIS = 500;

    /** {@code search_media}: entries matching {@code query}, optionally in {@code category_id}. */
    SearchPage searchMedia(ToolArguments arguments) throws CatalogException;

    /** {@code get_media}: one entry by {@code media_id}. */
    Media getMedia(ToolArguments arguments) throws CatalogException;

    /** {@code list_categories}: every category with its entry count. */
    List<Category> listCategories(ToolArguments arguments) throws CatalogException;

    /** {@code get_playback_url}: a signed URL for {@code media_id} in {@code format}. */
    PlaybackUrl getPlaybackUrl(ToolArguments arguments) throws CatalogException;

    /** {@code update_metadata}: changes {@code title}, {@code description} and/or {@code tags}. */
    Media updateMetadata(ToolArguments arguments) throws CatalogException;
}
