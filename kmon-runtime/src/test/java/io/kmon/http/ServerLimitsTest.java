package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServerLimitsTest {
    @Test
    void unsetProperties_getKmonDefaults() {
        Properties p = new Properties();
        Map<String, String> effective =
                ServerLimits.apply(p, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(45), 512);
        assertEquals("10", p.getProperty(ServerLimits.MAX_REQ_TIME));
        assertEquals("30", p.getProperty(ServerLimits.MAX_RSP_TIME));
        assertEquals("45", p.getProperty(ServerLimits.IDLE_INTERVAL));
        assertEquals(Integer.toString(ServerLimits.MAX_HEADERS), p.getProperty(ServerLimits.MAX_REQ_HEADERS));
        assertEquals(Integer.toString(ServerLimits.MAX_HEADER_BYTES), p.getProperty(ServerLimits.MAX_REQ_HEADER_SIZE));
        assertEquals("true", p.getProperty(ServerLimits.NODELAY));
        assertEquals("512", p.getProperty(ServerLimits.MAX_CONNECTIONS));
        assertEquals(7, effective.size());
        assertEquals("10", effective.get(ServerLimits.MAX_REQ_TIME));
    }

    @Test
    void commandLineValues_win() {
        Properties p = new Properties();
        p.setProperty(ServerLimits.MAX_REQ_TIME, "3");
        p.setProperty(ServerLimits.MAX_REQ_HEADER_SIZE, "9000");
        Map<String, String> effective =
                ServerLimits.apply(p, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), 512);
        assertEquals("3", effective.get(ServerLimits.MAX_REQ_TIME));
        assertEquals("9000", effective.get(ServerLimits.MAX_REQ_HEADER_SIZE));
        assertEquals("30", effective.get(ServerLimits.MAX_RSP_TIME));
    }

    @Test
    void timeouts_mustBeWholeSeconds() {
        assertEquals(Duration.ofSeconds(2), ServerLimits.wholeSeconds(Duration.ofSeconds(2), "t"));
        assertThrows(IllegalArgumentException.class, () -> ServerLimits.wholeSeconds(Duration.ofMillis(1500), "t"));
        assertThrows(IllegalArgumentException.class, () -> ServerLimits.wholeSeconds(Duration.ZERO, "t"));
        assertThrows(IllegalArgumentException.class, () -> ServerLimits.wholeSeconds(Duration.ofSeconds(-1), "t"));
        assertThrows(NullPointerException.class, () -> ServerLimits.wholeSeconds(null, "t"));
    }
}
