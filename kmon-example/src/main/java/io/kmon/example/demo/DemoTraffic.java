package io.kmon.example.demo;

import static io.kmon.example.tools.MediaToolDefinitions.GET_MEDIA;
import static io.kmon.example.tools.MediaToolDefinitions.GET_PLAYBACK_URL;
import static io.kmon.example.tools.MediaToolDefinitions.LIST_CATEGORIES;
import static io.kmon.example.tools.MediaToolDefinitions.SEARCH_MEDIA;
import static io.kmon.example.tools.MediaToolDefinitions.UPDATE_METADATA;

import io.kmon.example.catalog.Connectivity;
import io.kmon.example.catalog.Media;
import io.kmon.example.catalog.MediaStatus;
import io.kmon.example.catalog.SeedCatalog;
import io.kmon.example.catalog.SimulatedLink;
import io.kmon.example.tools.MediaTools;
import io.kmon.example.tools.ToolDispatcher;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The {@code --demo} traffic: calls the same tools an MCP client would, through the same
 * {@link ToolDispatcher}, with a realistic mix (mostly successes; now and then a missing entry,
 * a bad argument, a dropped connection, a rejected session, a slow call) so that kmon's
 * dashboard, alerts and health have something to show at once.
 *
 * <p>It opens with one call of every kind, then draws kinds at random by weight: about 91% of
 * calls succeed, and one in a hundred is slow. Every
 * {@value #CYCLE} steps the media API goes down for {@value #OUTAGE} steps and later rejects
 * the session for {@value #EXPIRY} steps, so the readiness check turns unhealthy, then
 * degraded, and recovers. Not thread-safe: one thread drives it.
 */
public final class DemoTraffic {
    /** Steps in one outage cycle. */
    static final int CYCLE = 600;
    /** Steps the API is unreachable in each cycle. */
    static final int OUTAGE = 30;
    /** Steps the session is expired in each cycle. */
    static final int EXPIRY = 15;

    private static final int OUTAGE_START = 400;
    private static final int EXPIRY_START = 520;

    /** What one step does. */
    public enum Kind {
        /** A search that finds something. */
        SEARCH(31),
        /** One entry by a known id. */
        GET(24),
        /** The categories. */
        LIST_CATEGORIES(9),
        /** A playback URL of a ready entry. */
        PLAYBACK(16),
        /** A metadata change. */
        UPDATE(10),
        /** A well-formed id that does not exist: the API fails with MediaNotFoundException. */
        NOT_FOUND(3),
        /** A playback URL of an entry still processing: the API fails with MediaNotReadyException. */
        NOT_READY(2),
        /** A call the tool rejects before asking the API. */
        BAD_ARGUMENT(2),
        /** The API drops the connection (an ERROR alert). */
        CONNECTION_FAILURE(1),
        /** The API rejects the session (an ERROR alert). */
        AUTH_FAILURE(1),
        /** A call that takes longer than the tools' slow-call threshold (a WARNING alert). */
        SLOW(1);

        private final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** Waits between calls; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Pause {
        /** Blocks for about {@code millis}. */
        void pause(long millis) throws InterruptedException;
    }

    /**
     * One call the demo made.
     *
     * @param step the step number, from 0
     * @param kind what it meant to do
     * @param tool the tool it called
     * @param result what the tool answered
     */
    public record Step(long step, Kind kind, String tool, CallToolResult result) {}

    private static final List<Kind> OPENING = List.of(
            Kind.LIST_CATEGORIES,
            Kind.SEARCH,
            Kind.GET,
            Kind.PLAYBACK,
            Kind.UPDATE,
            Kind.NOT_FOUND,
            Kind.BAD_ARGUMENT,
            Kind.CONNECTION_FAILURE,
            Kind.SEARCH,
            Kind.SLOW,
            Kind.NOT_READY,
            Kind.AUTH_FAILURE,
            Kind.GET);
    private static final int TOTAL_WEIGHT =
            List.of(Kind.values()).stream().mapToInt(k -> k.weight).sum();
    private static final List<String> QUERIES = List.of(
            "quarterly",
            "onboarding",
            "java",
            "demo",
            "security",
            "metrics",
            "live streaming",
            "captions",
            "engineering talk",
            "training");
    private static final List<String> UNKNOWN_IDS = List.of("0_zzzz0000", "0_deadbeef", "0_n0tf0und");
    private static final List<String> FORMATS = List.of("hls", "dash", "mp4");

    private final ToolDispatcher tools;
    private final SimulatedLink link;
    private final Random random;
    private final Pause pause;
    private final List<String> readyIds;
    private final List<String> processingIds;
    private volatile long step; // written by the driving thread only
    private volatile boolean stopped;

    /**
     * Traffic through {@code tools}, with failures injected on {@code link}, drawn from
     * {@code random}, waiting between calls with {@code pause}.
     */
    public DemoTraffic(ToolDispatcher tools, SimulatedLink link, Random random, Pause pause) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.link = Objects.requireNonNull(link, "link");
        this.random = Objects.requireNonNull(random, "random");
        this.pause = Objects.requireNonNull(pause, "pause");
        List<Media> seed = SeedCatalog.media(Instant.EPOCH);
        this.readyIds = seed.stream()
                .filter(m -> m.status() == MediaStatus.READY)
                .map(Media::id)
                .toList();
        this.processingIds = seed.stream()
                .filter(m -> m.status() != MediaStatus.READY)
                .map(Media::id)
                .toList();
    }

    /** Makes one call and returns it. */
    public Step step() {
        long n = step++;
        link.setState(linkState(n));
        Kind kind = n < OPENING.size() ? OPENING.get((int) n) : draw();
        return switch (kind) {
            case SEARCH -> call(n, kind, SEARCH_MEDIA, Map.of("query", pick(QUERIES), "limit", 1 + random.nextInt(10)));
            case GET -> call(n, kind, GET_MEDIA, Map.of("media_id", pick(readyIds)));
            case LIST_CATEGORIES -> call(n, kind, LIST_CATEGORIES, Map.of());
            case PLAYBACK ->
                call(n, kind, GET_PLAYBACK_URL, Map.of("media_id", pick(readyIds), "format", pick(FORMATS)));
            case UPDATE ->
                call(
                        n,
                        kind,
                        UPDATE_METADATA,
                        Map.of("media_id", pick(readyIds), "tags", List.of("demo", "edited-" + (n % 7))));
            case NOT_FOUND -> call(n, kind, GET_MEDIA, Map.of("media_id", pick(UNKNOWN_IDS)));
            case NOT_READY -> call(n, kind, GET_PLAYBACK_URL, Map.of("media_id", pick(processingIds)));
            case BAD_ARGUMENT -> badArgument(n);
            case CONNECTION_FAILURE -> {
                link.failNext(SimulatedLink.Fault.CONNECTION);
                yield call(n, kind, SEARCH_MEDIA, Map.of("query", pick(QUERIES)));
            }
            case AUTH_FAILURE -> {
                link.failNext(SimulatedLink.Fault.AUTHENTICATION);
                yield call(n, kind, GET_MEDIA, Map.of("media_id", pick(readyIds)));
            }
            case SLOW -> {
                link.delayNext(Duration.ofMillis(MediaTools.SLOW_MILLIS + 100 + random.nextInt(400)));
                yield call(n, kind, SEARCH_MEDIA, Map.of("query", pick(QUERIES)));
            }
        };
    }

    /** The media API's state at step {@code n}: down, then later rejecting sessions, once per cycle. */
    static Connectivity.State linkState(long n) {
        long inCycle = n % CYCLE;
        if (inCycle >= OUTAGE_START && inCycle < OUTAGE_START + OUTAGE) {
            return Connectivity.State.DISCONNECTED;
        }
        if (inCycle >= EXPIRY_START && inCycle < EXPIRY_START + EXPIRY) {
            return Connectivity.State.SESSION_EXPIRED;
        }
        return Connectivity.State.CONNECTED;
    }

    private Step badArgument(long n) {
        return switch (random.nextInt(4)) {
            case 0 -> call(n, Kind.BAD_ARGUMENT, GET_MEDIA, Map.of("media_id", "12345"));
            case 1 -> call(n, Kind.BAD_ARGUMENT, SEARCH_MEDIA, Map.of("query", "java", "limit", "ten"));
            case 2 -> call(n, Kind.BAD_ARGUMENT, GET_PLAYBACK_URL, Map.of("media_id", pick(readyIds), "format", "avi"));
            default -> call(n, Kind.BAD_ARGUMENT, UPDATE_METADATA, Map.of("media_id", pick(readyIds)));
        };
    }

    private Step call(long n, Kind kind, String tool, Map<String, Object> arguments) {
        return new Step(n, kind, tool, tools.call(tool, arguments));
    }

    private Kind draw() {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (Kind kind : Kind.values()) {
            ticket -= kind.weight;
            if (ticket < 0) {
                return kind;
            }
        }
        throw new AssertionError("weights sum to " + TOTAL_WEIGHT);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * Makes calls, pausing 60 to 220 ms between them (about seven a second), until
     * {@link #stop()} or an interrupt.
     */
    public void run() {
        try {
            while (!stopped && !Thread.currentThread().isInterrupted()) {
                step();
                pause.pause(60 + random.nextInt(161));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // asked to stop while pausing
        } finally {
            link.setState(Connectivity.State.CONNECTED);
        }
    }

    /** Makes {@link #run()} return after its current call. */
    public void stop() {
        stopped = true;
    }

    /** How many calls were made. */
    public long steps() {
        return step;
    }
}
