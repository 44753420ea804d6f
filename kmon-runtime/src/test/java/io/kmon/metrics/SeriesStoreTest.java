package io.kmon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {
    private final FakeClock clock = new FakeClock();
    private final MeterRegistry registry = new MeterRegistry(clock, 3_600_000, 1_000);
    private final SeriesStore store = new SeriesStore(360, 1_000);

    @Test
    void ring_staysBounded_afterMillionsOfRecordsAndManyTicks() {
        Counter calls = registry.counter(MeterId.of("calls", "method", "a"));
        for (int tick = 0; tick < 1_000; tick++) {
            for (int i = 0; i < 5_000; i++) {
                calls.increment();
            }
            clock.advance(Duration.ofSeconds(10));
            store.sample(registry.snapshot());
        }
        List<Point> points = store.points("calls", 0);
        assertEquals(360, points.size(), "one hour of 10 s points, whatever the call rate");
        assertEquals(5_000_000.0, points.get(points.size() - 1).value());
        assertEquals(5_000.0 * 641, points.get(0).value(), "the oldest point kept is tick 641");
    }

    @Test
    void since_filtersOlderPoints_oldestFirst() {
        Gauge gauge = registry.gauge(MeterId.of("temp"));
        for (int i = 0; i < 5; i++) {
            gauge.set(i);
            clock.advance(Duration.ofSeconds(10));
            store.sample(registry.snapshot());
        }
        long since = clock.millis() - 25_000;
        List<Point> points = store.points("temp", since);
        assertEquals(List.of(2.0, 3.0, 4.0), points.stream().map(Point::value).toList());
        assertTrue(store.points("unknown", 0).isEmpty());
    }

    @Test
    void counters_sumOverTags_timers_recordIntervalMeanAndP95() {
        registry.counter(MeterId.of("calls", "method", "a")).increment(3);
        registry.counter(MeterId.of("calls", "method", "b")).increment(4);
        Timer timer = registry.timer(MeterId.of("duration", "method", "a"));
        timer.record(1_000_000);
        timer.record(3_000_000);
        store.sample(registry.snapshot());
        clock.advance(Duration.ofSeconds(10));
        timer.record(10_000_000);
        store.sample(registry.snapshot());

        assertEquals(7.0, store.points("calls", 0).get(0).value());
        List<Double> means =
                store.points("duration", 0).stream().map(Point::value).toList();
        assertEquals(List.of(0.002, 0.010), means, "mean of each interval's calls, in seconds");
        assertEquals(2, store.points("duration" + SeriesStore.P95_SUFFIX, 0).size());
    }

    @Test
    void names_beyondTheLimit_areDroppedAndCounted() {
        SeriesStore small = new SeriesStore(10, 2);
        for (int i = 0; i < 5; i++) {
            registry.gauge(MeterId.of("g" + i)).set(i);
        }
        small.sample(registry.snapshot());
        assertEquals(2, small.names().size());
        assertEquals(3, small.dropped());
    }
}
