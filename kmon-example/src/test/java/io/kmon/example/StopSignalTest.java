package io.kmon.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which shutdowns are signals. */
class StopSignalTest {
    @Test
    void exitAfterTheCleanup_isNoSignal() {
        StopSignal stop = new StopSignal();
        AtomicInteger requests = new AtomicInteger();
        stop.onRequest(requests::incrementAndGet);
        stop.finished(); // e.g. the dashboard could not start, and main calls System.exit

        stop.onShutdown();

        assertFalse(stop.isRequested(), "no \"stopping (signal)\" when no signal came");
        assertEquals(0, requests.get());
    }

    @Test
    void shutdownBeforeTheCleanup_isASignalAndWaitsForTheCleanup() {
        StopSignal stop = new StopSignal();
        stop.onRequest(stop::finished); // the main thread's cleanup, run here at once

        stop.onShutdown();

        assertTrue(stop.isRequested());
    }
}
