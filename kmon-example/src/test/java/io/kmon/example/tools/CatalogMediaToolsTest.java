package io.kmon.example.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kmon.example.catalog.CatalogException;
import io.kmon.example.catalog.InMemoryMediaCatalog;
import io.kmon.example.catalog.SimulatedLink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CatalogMediaToolsTest {
    private final CatalogMediaTools tools = new CatalogMediaTools(new InMemoryMediaCatalog(
            new SimulatedLink(d -> {}), Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC)));

    private static ToolArguments args(String tool, Map<String, Object> values) {
        return ToolArguments.of(tool, values);
    }

    private static void assertInvalid(String message, Executable call) {
        assertEquals(message, assertThrows(InvalidArgumentException.class, call).getMessage());
    }

    @Test
    void searchMedia_defaultsTheLimitAndPassesTheCategory() throws CatalogException {
        assertEquals(
                4,
                tools.searchMedia(args("search_media", Map.of("query", "demo")))
                        .media()
                        .size());
        assertEquals(
                1,
                tools.searchMedia(args(
                                "search_media",
                                Map.of("query", "records", "category_id", "cat_engineering", "limit", 1)))
                        .media()
                        .size());
    }

    @Test
    void searchMedia_badLimit_isRejectedBeforeTheApi() {
        assertInvalid(
                "search_media: 'limit' must be an integer from 1 to 50 (got 51)",
                () -> tools.searchMedia(args("search_media", Map.of("query", "java", "limit", 51))));
        assertInvalid(
                "search_media: 'query' is required", () -> tools.searchMedia(args("search_media", Map.of("limit", 5))));
    }

    @Test
    void getMedia_malformedId_namesTheExpectedShape() {
        assertInvalid(
                "get_media: 'media_id' must be an entry id like 0_a1b2c3d4 (got \"12345\")",
                () -> tools.getMedia(args("get_media", Map.of("media_id", "12345"))));
    }

    @Test
    void listCategories_takesNoArguments() throws CatalogException {
        assertEquals(6, tools.listCategories(args("list_categories", Map.of())).size());
        assertInvalid(
                "list_categories: unknown argument 'limit'; expected no arguments",
                () -> tools.listCategories(args("list_categories", Map.of("limit", 3))));
    }

    @Test
    void getPlaybackUrl_defaultsToHlsAndRejectsOtherFormats() throws CatalogException {
        assertEquals(
                "hls",
                tools.getPlaybackUrl(args("get_playback_url", Map.of("media_id", "0_a1b2c3d4")))
                        .format());
        assertInvalid(
                "get_playback_url: 'format' must be one of hls, dash, mp4 (got \"avi\")",
                () -> tools.getPlaybackUrl(
                        args("get_playback_url", Map.of("media_id", "0_a1b2c3d4", "format", "avi"))));
    }

    @Test
    void updateMetadata_needsAChangeAndMayClearTheDescription() throws CatalogException {
        assertInvalid(
                "update_metadata: give at least one of 'title', 'description', 'tags'",
                () -> tools.updateMetadata(args("update_metadata", Map.of("media_id", "0_a1b2c3d4"))));

        assertEquals(
                "",
                tools.updateMetadata(args("update_metadata", Map.of("media_id", "0_a1b2c3d4", "description", "")))
                        .description());
        assertEquals(
                List.of("q3"),
                tools.updateMetadata(args("update_metadata", Map.of("media_id", "0_a1b2c3d4", "tags", List.of("q3"))))
                        .tags());
        assertInvalid(
                "update_metadata: 'title' must not be blank",
                () -> tools.updateMetadata(args("update_metadata", Map.of("media_id", "0_a1b2c3d4", "title", " "))));
    }
}
