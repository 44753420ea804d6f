package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryTest {
    @Test
    void encodedPairs_decode() {
        Query q = Query.parse("name=api.calls&since=12&label=a%20b+c&flag&x=%C3%A9");
        assertEquals("api.calls", q.required("name"));
        assertEquals(12, q.nonNegativeLong("since", 0));
        assertEquals("a b c", q.get("label").orElseThrow());
        assertEquals("", q.get("flag").orElseThrow());
        assertEquals("é", q.get("x").orElseThrow());
    }

    @Test
    void noQuery_isEmpty() {
        assertTrue(Query.parse(null).names().isEmpty());
        assertTrue(Query.parse("").names().isEmpty());
        assertEquals(7, Query.parse(null).nonNegativeLong("since", 7));
    }

    @Test
    void missingRequired_is400() {
        assertEquals(
                400,
                assertThrows(HttpException.class, () -> Query.parse("a=1").required("name"))
                        .status());
        assertEquals(
                400,
                assertThrows(HttpException.class, () -> Query.parse("name=").required("name"))
                        .status());
    }

    @Test
    void badNumbers_are400AndNameTheParameter() {
        for (String bad : new String[] {
            "since=abc",
            "since=-1",
            "since=99999999999999999999",
            "since=1e3",
            "since=%2B5",
            "since=%D9%A5",
            "since=%EF%BC%95",
            "since=9223372036854775808",
            "since="
        }) {
            HttpException e =
                    assertThrows(HttpException.class, () -> Query.parse(bad).nonNegativeLong("since", 0));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("'since'"), e.getMessage());
        }
    }

    @Test
    void badEncoding_is400() {
        for (String bad : new String[] {"a=%", "a=%4", "a=%zz", "a=%C3%28", "a=%FF", "%E2%82=1", "a=é"}) {
            assertEquals(
                    400,
                    assertThrows(HttpException.class, () -> Query.parse(bad)).status(),
                    bad);
        }
    }

    @Test
    void repeatedName_is400() {
        assertEquals(
                400,
                assertThrows(HttpException.class, () -> Query.parse("a=1&a=2")).status());
    }

    @Test
    void hugeQuery_is414_andTooManyParameters_is400() {
        assertEquals(
                414,
                assertThrows(HttpException.class, () -> Query.parse("a=" + "x".repeat(Query.MAX_LENGTH)))
                        .status());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= Query.MAX_PARAMS; i++) {
            many.append("p").append(i).append("=1&");
        }
        assertEquals(
                400,
                assertThrows(HttpException.class, () -> Query.parse(many.toString()))
                        .status());
    }

    @Test
    void echoedText_isShortAndPrintable() {
        String echoed = Text.printable("a\u0000b\n" + "x".repeat(500));
        assertTrue(echoed.startsWith("a?b?x"));
        assertTrue(echoed.length() <= 81, echoed);
    }
}
