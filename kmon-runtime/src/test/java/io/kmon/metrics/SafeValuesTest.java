package io.kmon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SafeValuesTest {

    @Test
    void numbersAndBooleans_stayAsTheyAre_javaTimeBecomesIso8601() {
        Instant at = Instant.parse("2026-12-01T12:00:00Z");
        Map<String, Object> d = SafeValues.details(new LinkedHashMap<>(Map.of("n", 4)));
        assertEquals(4, d.get("n"));
        assertEquals(7L, SafeValues.value(7L));
        assertEquals(true, SafeValues.value(true));
        assertEquals(new BigDecimal("1.50"), SafeValues.value(new BigDecimal("1.50")));
        assertEquals(2.5, SafeValues.value(2.5));
        assertEquals("NaN", SafeValues.value(Double.NaN), "JSON has no NaN");
        assertEquals("2026-12-01T12:00:00Z", SafeValues.value(at));
        assertEquals("PT1M30S", SafeValues.value(Duration.ofSeconds(90)));
        assertEquals("2026-12-01", SafeValues.value(LocalDate.of(2026, 12, 1)));
        assertEquals("2026-12-01T12:00:00Z", SafeValues.value(Optional.of(at)));
        assertEquals(null, SafeValues.value(Optional.empty()));
    }

    @Test
    void throwingToString_andThrowingMessage_becomeShortTexts() {
        Object bean = new Object() {
            @Override
            public String toString() {
                throw new StackOverflowError();
            }
        };
        assertEquals("(unreadable: java.lang.StackOverflowError)", SafeValues.value(bean));
        RuntimeException e = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new AssertionError("no");
            }
        };
        assertTrue(
                SafeValues.describe(e).endsWith("(getMessage threw java.lang.AssertionError)"), SafeValues.describe(e));
        assertTrue(SafeValues.stackTrace(e).contains("\n\tat "), "frames still listed");
    }

    @Test
    void cyclesAreCut_andDepthAndEntriesBounded() {
        Map<String, Object> self = new HashMap<>();
        self.put("me", self);
        assertEquals(Map.of("me", "(cycle)"), SafeValues.details(self));

        Object deep = "leaf";
        for (int i = 0; i < 10; i++) {
            deep = List.of(deep);
        }
        Object converted = SafeValues.value(deep);
        int depth = 0;
        while (converted instanceof List<?> l && !l.isEmpty()) {
            converted = l.get(0);
            depth++;
        }
        assertEquals(SafeValues.MAX_DEPTH, depth);
        assertEquals("(too deep)", converted);

        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(i);
        }
        assertEquals(SafeValues.MAX_ENTRIES + 1, ((List<?>) SafeValues.value(many)).size());
        assertEquals(SafeValues.MAX_ENTRIES + 1, ((List<?>) SafeValues.value(new int[1000])).size());
    }

    @Test
    void strings_areBoundedInBytes_neverSplittingAPair_andLoneSurrogatesReplaced() {
        String s = "é".repeat(5_000); // 2 bytes each
        String cut = SafeValues.text(s, 1024);
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= 1024);
        assertTrue(cut.endsWith("..."));
        String emoji = "\uD83D\uDE00".repeat(1000);
        String cutEmoji = SafeValues.text(emoji, 100);
        assertFalse(Character.isHighSurrogate(cutEmoji.charAt(cutEmoji.length() - 4)), "no half pair before the mark");
        assertEquals("a\uFFFDb", SafeValues.text("a\uD800b", 100));
        assertEquals("a\uFFFD", SafeValues.text("a\uDC00", 100));
        String plain = "plain";
        assertSame(plain, SafeValues.text(plain, 100), "nothing to do, nothing allocated");
        String longA = SafeValues.tagValue("x".repeat(10_000) + "a");
        String longB = SafeValues.tagValue("x".repeat(10_000) + "b");
        assertEquals(SafeValues.MAX_TAG_BYTES, longA.length());
        assertTrue(!longA.equals(longB), "values differing past the cut stay distinct: " + longA.substring(1000));
        assertEquals("a\uFFFD", SafeValues.tagValue("a\uD800"));
    }

    @Test
    void oneLine_escapesLineBreaksSoALogLineCannotBeForged() {
        assertEquals("a\\nFAKE [CRITICAL]\\r\\u2028b\tc", SafeValues.oneLine("a\nFAKE [CRITICAL]\r\u2028b\tc"));
    }

    @Test
    void nullKey_isRefused() {
        Map<String, Object> m = new HashMap<>();
        m.put(null, 1);
        assertThrows(NullPointerException.class, () -> SafeValues.details(m));
    }

    @Test
    void stackTrace_isBoundedInLinesAndBytes_andCutsCauseCycles() {
        RuntimeException a = new RuntimeException("x".repeat(1 << 20));
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        StackTraceElement frame = new StackTraceElement("Db", "find", "Db.java", 1);
        b.setStackTrace(new StackTraceElement[] {frame, frame});
        a.setStackTrace(new StackTraceElement[] {frame});
        String trace = SafeValues.stackTrace(b);
        assertTrue(trace.lines().count() <= SafeValues.MAX_STACK_LINES);
        assertTrue(trace.lines()
                .allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= SafeValues.MAX_STACK_LINE_BYTES));
        assertTrue(trace.contains("Caused by: java.lang.RuntimeException: xxx"), trace);
        assertEquals(1, trace.lines().filter(l -> l.startsWith("Caused by")).count(), "the cycle cut");
        assertTrue(trace.endsWith("\t... 1 more"), "frames shared with the enclosing trace: " + trace);
    }
}
