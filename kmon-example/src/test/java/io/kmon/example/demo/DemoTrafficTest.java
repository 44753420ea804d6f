package io.kmon.example.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kmon.Kmon;
import io.kmon.example.catalog.Connectivity;
import io.kmon.example.catalog.InMemoryMediaCatalog;
import io.kmon.example.catalog.SimulatedLink;
import io.kmon.example.tools.CatalogMediaTools;
import io.kmon.example.tools.MediaToolDefinitions;
import io.kmon.example.tools.MediaTools;
import io.kmon.example.tools.ToolDispatcher;
import io.kmon.mcp.KmonMcp;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {
    private final List<Duration> delays = new ArrayList<>();
    private final SimulatedLink link = new SimulatedLink(delays::add);
    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final Kmon kmon =
            Kmon.builder().backgroundThread(false).systemMetrics(false).build();
    private final KmonMcp mcp = KmonMcp.instrument(kmon);
    private final ToolDispatcher tools = new ToolDispatcher(
            MediaToolDefinitions.bind(new CatalogMediaTools(new InMemoryMediaCatalog(link, Clock.systemUTC())), json),
            json,
            mcp);

    @AfterEach
    void closeKmon() {
        kmon.close();
    }

    private DemoTraffic demo(DemoTraffic.Pause pause) {
        return new DemoTraffic(tools, link, new Random(7), pause);
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void opening_showsEveryKindOfOutcomeWithinItsFirstSteps() {
        DemoTraffic demo = demo(ms -> {});
        Set<DemoTraffic.Kind> seen = EnumSet.noneOf(DemoTraffic.Kind.class);

        for (int i = 0; i < 13; i++) {
            DemoTraffic.Step step = demo.step();
            seen.add(step.kind());
            boolean failure = switch (step.kind()) {
                case NOT_FOUND, NOT_READY, BAD_ARGUMENT, CONNECTION_FAILURE, AUTH_FAILURE -> true;
                default -> false;
            };
            assertEquals(failure, step.result().isError(), step + ": " + text(step.result()));
        }

        assertEquals(EnumSet.allOf(DemoTraffic.Kind.class), seen);
        assertEquals(1, delays.size(), "one slow call");
        assertTrue(delays.get(0).toMillis() > MediaTools.SLOW_MILLIS, "slow enough to alert: " + delays);
    }

    @Test
    void linkState_goesDownThenExpiresOncePerCycle() {
        assertEquals(Connectivity.State.CONNECTED, DemoTraffic.linkState(399));
        assertEquals(Connectivity.State.DISCONNECTED, DemoTraffic.linkState(400));
        assertEquals(Connectivity.State.DISCONNECTED, DemoTraffic.linkState(429));
        assertEquals(Connectivity.State.CONNECTED, DemoTraffic.linkState(430));
        assertEquals(Connectivity.State.SESSION_EXPIRED, DemoTraffic.linkState(520));
        assertEquals(Connectivity.State.CONNECTED, DemoTraffic.linkState(535));
        assertEquals(Connectivity.State.DISCONNECTED, DemoTraffic.linkState(DemoTraffic.CYCLE + 410));
    }

    @Test
    void randomPhase_isMostlySuccessesWithSomeOfEachFailure() {
        DemoTraffic demo = demo(ms -> {});
        int errors = 0;
        Set<DemoTraffic.Kind> seen = EnumSet.noneOf(DemoTraffic.Kind.class);
        for (int i = 0; i < 400; i++) { // stays before the first outage
            DemoTraffic.Step step = demo.step();
            seen.add(step.kind());
            errors += step.result().isError() ? 1 : 0;
        }

        assertEquals(EnumSet.allOf(DemoTraffic.Kind.class), seen);
        assertTrue(errors > 20 && errors < 100, "errors: " + errors);
    }

    @Test
    void outage_failsCallsAndEndsWithTheLinkRestored() {
        DemoTraffic demo = demo(ms -> {});
        for (int i = 0; i < 400; i++) {
            demo.step();
        }

        DemoTraffic.Step inOutage = demo.step();

        assertTrue(inOutage.result().isError());
        assertTrue(text(inOutage.result()).startsWith("Media API unavailable: "), text(inOutage.result()));
        assertEquals(Connectivity.State.DISCONNECTED, link.connectivity().state());
    }

    @Test
    void run_stopsWhenAskedAndRestoresTheLink() {
        List<Long> pauses = new ArrayList<>();
        DemoTraffic[] holder = new DemoTraffic[1];
        holder[0] = demo(ms -> {
            pauses.add(ms);
            if (pauses.size() == 410) {
                holder[0].stop(); // stop during the outage
            }
        });

        holder[0].run();

        assertEquals(410, holder[0].steps());
        assertTrue(pauses.stream().allMatch(ms -> ms >= 60 && ms <= 220), "pauses: " + pauses);
        assertEquals(Connectivity.State.CONNECTED, link.connectivity().state());
    }

    @Test
    void run_interruptedWhilePausing_returnsWithTheInterruptKept() {
        DemoTraffic demo = demo(ms -> {
            throw new InterruptedException();
        });

        demo.run();

        assertEquals(1, demo.steps());
        assertTrue(Thread.interrupted());
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
