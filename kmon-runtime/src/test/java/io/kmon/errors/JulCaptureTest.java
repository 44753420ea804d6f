package io.kmon.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kmon.metrics.InternalFailures;
import io.kmon.metrics.MeterRegistry;
import io.kmon.testing.FakeClock;
import io.kmon.testing.RecordingLogger;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JulCaptureTest {
    private final FakeClock clock = new FakeClock();
    private final MeterRegistry registry = new MeterRegistry(clock, 60_000, 100);
    private final ErrorAggregator errors = new ErrorAggregator(clock, 100);
    private final JulCapture capture = new JulCapture(registry, errors, new InternalFailures(new RecordingLogger()));
    private final Logger log = Logger.getLogger("io.kmon.test.jul");

    @AfterEach
    void uninstall() {
        capture.uninstall();
        log.setUseParentHandlers(true);
    }

    @Test
    void records_areCountedByLevelAndSevereThrowablesAggregated() {
        log.setLevel(Level.INFO);
        log.setUseParentHandlers(false); // keep the console quiet; attach directly instead
        log.addHandler(capture);
        try {
            log.info("hello");
            log.warning("careful");
            log.severe("no throwable");
            log.log(Level.SEVERE, "with throwable", new IOException("disk"));
            log.log(Level.WARNING, "warning with throwable", new IOException("not aggregated"));
            log.fine("filtered by the logger's level");
        } finally {
            log.removeHandler(capture);
        }

        var snapshot = registry.snapshot();
        assertEquals(1, snapshot.count(JulCapture.LOG_EVENTS, "level", "info"));
        assertEquals(2, snapshot.count(JulCapture.LOG_EVENTS, "level", "warning"));
        assertEquals(2, snapshot.count(JulCapture.LOG_EVENTS, "level", "severe"));
        assertEquals(0, snapshot.count(JulCapture.LOG_EVENTS, "level", "fine"));
        assertEquals(1, errors.groups().size());
        ErrorGroup g = errors.groups().get(0);
        assertEquals("io.kmon.test.jul", g.component());
        assertEquals(IOException.class.getName(), g.type());
        assertEquals("disk", g.lastMessage());
    }

    @Test
    void installedOnRoot_seesOtherLoggersAndStopsAfterUninstall() {
        log.setLevel(Level.INFO);
        log.setUseParentHandlers(true);
        capture.install();
        Logger.getLogger("io.kmon.test.other").info("via root");
        capture.uninstall();
        Logger.getLogger("io.kmon.test.other").info("after uninstall");

        assertEquals(1, registry.snapshot().count(JulCapture.LOG_EVENTS, "level", "info"));
    }
}
