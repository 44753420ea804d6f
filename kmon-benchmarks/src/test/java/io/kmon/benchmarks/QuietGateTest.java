package io.kmon.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuietGateTest {

    private static void stat(Path root, int procsRunning) throws IOException {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(
                root.resolve("proc/stat"),
                "cpu  1 2 3 4\nctxt 100\nprocs_running " + procsRunning + "\nprocs_blocked 0\n");
    }

    @Test
    void othersRunning_doesNotCountTheSamplerItself(@TempDir Path root) throws Exception {
        stat(root, 3);

        assertEquals(2.0, new QuietGate(root, Duration.ZERO).othersRunning());
    }

    @Test
    void await_onAQuietMachine_returnsAtOnce(@TempDir Path root) throws Exception {
        stat(root, 1);

        assertEquals(0.0, new QuietGate(root, Duration.ofMinutes(10)).await());
    }

    @Test
    void await_withNoBudgetLeft_reportsTheBusynessInsteadOfWaiting(@TempDir Path root) throws Exception {
        stat(root, 2);

        assertEquals(1.0, new QuietGate(root, Duration.ZERO).await());
    }

    @Test
    void withoutProcStat_busynessIsUnknown(@TempDir Path root) throws Exception {
        assertTrue(Double.isNaN(new QuietGate(root, Duration.ofMinutes(10)).await()));
    }
}
