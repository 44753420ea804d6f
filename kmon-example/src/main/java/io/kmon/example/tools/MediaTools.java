package io.kmon.example.tools;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;
import io.kmon.example.catalog.CatalogException;
import io.kmon.example.catalog.Category;
import io.kmon.example.catalog.Media;
import io.kmon.example.catalog.PlaybackUrl;
import io.kmon.example.catalog.SearchPage;
import java.util.List;

/**
 * The MCP tools of the example, one method per tool, each taking the call's raw arguments so
 * that validating them is part of the monitored call. The generated {@code MonitoredMediaTools}
 * records {@code tool.calls}, {@code tool.successes}, {@code tool.errors} and
 * {@code tool.duration} with {@code component=MediaTools} and the method name as
 * {@code method}, and raises a WARNING alert for any call slower than 500 ms.
 *
 * <pre>{@code
 * MediaTools tools = MonitoredMediaTools.wrap(new CatalogMediaTools(catalog), kmon);
 * }</pre>
 */
@Monitored(name = "MediaTools", prefix = "tool")
@SlowAlert(millis = MediaTools.SLOW_MILLIS)
public interface MediaTools {
    /** A tool call slower than this raises an alert. */
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
