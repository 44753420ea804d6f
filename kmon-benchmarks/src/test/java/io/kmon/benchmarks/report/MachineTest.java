package io.kmon.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {

    @Test
    void read_takesModelLoadAndClocksourceFromProcAndSys(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(
                root.resolve("proc/cpuinfo"),
                "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Fancy CPU @ 3.00GHz\nprocessor\t: 1\n"
                        + "model name\t: Fancy CPU @ 3.00GHz\n");
        Files.writeString(root.resolve("proc/loadavg"), "0.42 0.30 0.20 1/100 1234\n");
        Path clock = root.resolve("sys/devices/system/clocksource/clocksource0");
        Files.createDirectories(clock);
        Files.writeString(clock.resolve("current_clocksource"), "kvm-clock\n");

        Machine m = Machine.read(root);

        assertEquals("Fancy CPU @ 3.00GHz", m.cpuModel());
        assertEquals("kvm-clock", m.clocksource());
        assertEquals("0.42", Machine.loadAverage(root));
    }

    @Test
    void read_withoutProcOrSys_saysUnknown(@TempDir Path root) {
        Machine m = Machine.read(root);

        assertEquals(Machine.UNKNOWN, m.cpuModel());
        assertEquals(Machine.UNKNOWN, m.clocksource());
        assertEquals(Machine.UNKNOWN, Machine.loadAverage(root));
    }
}
