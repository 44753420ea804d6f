package io.kmon.example.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ToolArgumentsTest {

    private static void assertInvalid(String message, Executable call) {
        assertEquals(message, assertThrows(InvalidArgumentException.class, call).getMessage());
    }

    @Test
    void nullArguments_areEmpty() {
        ToolArguments args = ToolArguments.of("list_categories", null);

        args.allowOnly();
        assertEquals(Map.of(), args.values());
    }

    @Test
    void unknownArgument_isNamedWithTheExpectedOnes() {
        ToolArguments args = ToolArguments.of("search_media", Map.of("qurey", "x"));

        assertInvalid(
                "search_media: unknown argument 'qurey'; expected one of: limit, query",
                () -> args.allowOnly("query", "limit"));
        assertInvalid("search_media: unknown argument 'qurey'; expected no arguments", args::allowOnly);
    }

    @Test
    void requiredString_missingBlankWrongTypeOrTooLong_isRejected() {
        assertInvalid(
                "get_media: 'media_id' is required",
                () -> ToolArguments.of("get_media", Map.of()).requiredString("media_id", 10));
        assertInvalid(
                "get_media: 'media_id' must not be blank",
                () -> ToolArguments.of("get_media", Map.of("media_id", "  ")).requiredString("media_id", 10));
        assertInvalid(
                "get_media: 'media_id' must be a string (got 42)",
                () -> ToolArguments.of("get_media", Map.of("media_id", 42)).requiredString("media_id", 10));
        assertInvalid(
                "get_media: 'media_id' must be at most 3 characters (got 4)",
                () -> ToolArguments.of("get_media", Map.of("media_id", "abcd")).requiredString("media_id", 3));
    }

    @Test
    void jsonNull_countsAsAbsent() {
        Map<String, Object> values = new HashMap<>();
        values.put("category_id", null);

        assertNull(ToolArguments.of("search_media", values).optionalString("category_id", 10));
    }

    @Test
    void requiredMatching_showsTheShapeAndTheValue() {
        Pattern id = Pattern.compile("0_[a-z0-9]{8}");

        assertEquals(
                "0_a1b2c3d4",
                ToolArguments.of("t", Map.of("id", "0_a1b2c3d4")).requiredMatching("id", id, "an entry id"));
        assertInvalid(
                "t: 'id' must be an entry id (got \"12345\")",
                () -> ToolArguments.of("t", Map.of("id", "12345")).requiredMatching("id", id, "an entry id"));
    }

    @Test
    void optionalInt_acceptsIntegralNumbersInRangeOnly() {
        assertEquals(10, ToolArguments.of("t", Map.of()).optionalInt("limit", 10, 1, 50));
        assertEquals(5, ToolArguments.of("t", Map.of("limit", 5)).optionalInt("limit", 10, 1, 50));
        assertEquals(5, ToolArguments.of("t", Map.of("limit", 5.0)).optionalInt("limit", 10, 1, 50));
        assertInvalid(
                "t: 'limit' must be an integer from 1 to 50 (got \"ten\")",
                () -> ToolArguments.of("t", Map.of("limit", "ten")).optionalInt("limit", 10, 1, 50));
        assertInvalid(
                "t: 'limit' must be an integer from 1 to 50 (got 5.5)",
                () -> ToolArguments.of("t", Map.of("limit", 5.5)).optionalInt("limit", 10, 1, 50));
        assertInvalid(
                "t: 'limit' must be an integer from 1 to 50 (got 0)",
                () -> ToolArguments.of("t", Map.of("limit", 0)).optionalInt("limit", 10, 1, 50));
        assertInvalid(
                "t: 'limit' must be an integer from 1 to 50 (got 9999999999)",
                () -> ToolArguments.of("t", Map.of("limit", 9_999_999_999L)).optionalInt("limit", 10, 1, 50));
        assertInvalid(
                "t: 'limit' must be an integer from 1 to 50 (got true)",
                () -> ToolArguments.of("t", Map.of("limit", true)).optionalInt("limit", 10, 1, 50));
    }

    @Test
    void optionalChoice_listsTheChoices() {
        List<String> formats = List.of("hls", "dash");

        assertEquals("hls", ToolArguments.of("t", Map.of()).optionalChoice("format", "hls", formats));
        assertEquals("dash", ToolArguments.of("t", Map.of("format", "dash")).optionalChoice("format", "hls", formats));
        assertInvalid(
                "t: 'format' must be one of hls, dash (got \"avi\")",
                () -> ToolArguments.of("t", Map.of("format", "avi")).optionalChoice("format", "hls", formats));
    }

    @Test
    void optionalStringList_checksTypeSizeAndEachItem() {
        assertEquals(
                List.of("a", "b"),
                ToolArguments.of("t", Map.of("tags", List.of("a", "b"))).optionalStringList("tags", 3, 5));
        assertInvalid(
                "t: 'tags' must be an array of strings (got \"a,b\")",
                () -> ToolArguments.of("t", Map.of("tags", "a,b")).optionalStringList("tags", 3, 5));
        assertInvalid(
                "t: 'tags' must have at most 1 items (got 2)",
                () -> ToolArguments.of("t", Map.of("tags", List.of("a", "b"))).optionalStringList("tags", 1, 5));
        assertInvalid(
                "t: 'tags[1]' must be a non-blank string of at most 5 characters (got 7)",
                () -> ToolArguments.of("t", Map.of("tags", List.of("a", 7))).optionalStringList("tags", 3, 5));
    }

    @Test
    void longValues_areShortenedInMessages() {
        String huge = "x".repeat(100);

        assertInvalid(
                "t: 'id' must be an entry id (got \"" + "x".repeat(39) + "...)",
                () -> ToolArguments.of("t", Map.of("id", huge))
                        .requiredMatching("id", Pattern.compile("y"), "an entry id"));
    }
}
