package io.kmon.example.catalog;

import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;
import io.kmon.annotations.NotMonitored;
import java.util.List;

/**
 * The media platform's API, as the MCP tools see it. Every call is monitored by the generated
 * {@code MonitoredMediaCatalog}: {@code api.calls}, {@code api.successes}, {@code api.errors}
 * (tagged with {@code error_type}) and {@code api.duration}, with {@code component=media_api}.
 * A connection or authentication failure
 * also raises an ERROR alert: those need a person, unlike a missing entry.
 *
 * <pre>{@code
 * MediaCatalog api = MonitoredMediaCatalog.wrap(new InMemoryMediaCatalog(link, clock), kmon);
 * }</pre>
 */
@Monitored(name = "media_api", prefix = "api")
@AlertOn({CatalogConnectionException.class, CatalogAuthenticationException.class})
public interface MediaCatalog {

    /**
     * Entries whose title, description or tags contain every word of {@code query}, best
     * first, at most {@code limit} of them.
     *
     * @param categoryId only entries in this category, or null for all
     * @throws CatalogException when the API fails, or the category does not exist
     */
    SearchPage search(String query, String categoryId, int limit) throws CatalogException;

    /**
     * The entry {@code mediaId}.
     *
     * @throws MediaNotFoundException when there is no such entry
     * @throws CatalogException when the API fails
     */
    Media get(String mediaId) throws CatalogException;

    /**
     * Every category, by name, with its entry count.
     *
     * @throws CatalogException when the API fails
     */
    List<Category> categories() throws CatalogException;

    /**
     * A signed URL that plays {@code mediaId} in {@code format}.
     *
     * @throws MediaNotFoundException when there is no such entry
     * @throws MediaNotReadyException when the entry is still processing
     * @throws CatalogException when the API fails
     */
    PlaybackUrl playbackUrl(String mediaId, String format) throws CatalogException;

    /**
     * Applies {@code update} to {@code mediaId} and returns the entry as it is now.
     *
     * @throws MediaNotFoundException when there is no such entry
     * @throws CatalogException when the API fails
     */
    Media update(String mediaId, MediaUpdate update) throws CatalogException;

    /**
     * The client's own view of its link to the API. Not an API call (it asks nothing over the
     * wire), so it is not monitored: a health probe reading it every few seconds must not
     * inflate {@code api.calls}.
     */
    @NotMonitored
    Connectivity connectivity();
}
