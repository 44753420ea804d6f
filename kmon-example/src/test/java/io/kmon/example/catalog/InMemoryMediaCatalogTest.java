package io.kmon.example.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryMediaCatalogTest {
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    private final List<Duration> slept = new ArrayList<>();
    private final SimulatedLink link = new SimulatedLink(slept::add);
    private final InMemoryMediaCatalog catalog = new InMemoryMediaCatalog(link, Clock.fixed(START, ZoneOffset.UTC));

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void search_matchesEveryWordAndRanksTitleMatchesFirst() throws CatalogException {
        SearchPage page = catalog.search("Quarterly", null, 10);

        assertEquals(2, page.totalCount());
        assertEquals(
                List.of("0_a1b2c3d4", "0_i9j0k1l2"),
                page.media().stream().map(Media::id).toList());
    }

    @Test
    void search_limitCutsThePageButNotTheTotal() throws CatalogException {
        SearchPage page = catalog.search("demo", null, 2);

        assertEquals(4, page.totalCount());
        assertEquals(2, page.media().size());
        assertEquals("0_s5t6u7v8", page.media().get(0).id(), "most watched title match first");
    }

    @Test
    void search_categoryFiltersAndUnknownCategoryFindsNothing() throws CatalogException {
        assertEquals(2, catalog.search("java", "cat_engineering", 10).totalCount());
        assertEquals(0, catalog.search("java", "cat_marketing", 10).totalCount());
        assertEquals(0, catalog.search("java", "no_such_category", 10).totalCount());
    }

    @Test
    void get_unknownId_throwsMediaNotFound() {
        MediaNotFoundException e = assertThrows(MediaNotFoundException.class, () -> catalog.get("0_zzzzzzzz"));
        assertEquals("no media entry with id '0_zzzzzzzz'", e.getMessage());
    }

    @Test
    void categories_areSortedByNameWithCounts() throws CatalogException {
        List<Category> categories = catalog.categories();

        assertEquals(6, categories.size());
        assertEquals(new Category("cat_allhands", "All-hands meetings", 3), categories.get(0));
        assertEquals(22, categories.stream().mapToInt(Category::mediaCount).sum());
    }

    @Test
    void playbackUrl_isSignedAndExpiresInAnHour() throws CatalogException {
        PlaybackUrl url = catalog.playbackUrl("0_a1b2c3d4", "dash");

        assertEquals("2026-03-01T10:00:00Z", url.expiresAt());
        assertTrue(
                url.url().startsWith("https://media.example.com/p/kmon-example/play/0_a1b2c3d4/dash?exp="), url.url());
        assertTrue(url.url().matches(".*&sig=[0-9a-f]{32}"), url.url());
    }

    @Test
    void playbackUrl_processingEntry_throwsNotReady() {
        MediaNotReadyException e =
                assertThrows(MediaNotReadyException.class, () -> catalog.playbackUrl("0_i9j0k1l2", "hls"));
        assertEquals("media entry '0_i9j0k1l2' is processing and cannot be played yet", e.getMessage());
    }

    @Test
    void update_changesOnlyGivenFieldsAndStampsTheTime() throws CatalogException {
        Media before = catalog.get("0_c9d0e1f2");

        Media after = catalog.update("0_c9d0e1f2", new MediaUpdate("Records, revisited", null, List.of("java")));

        assertEquals("Records, revisited", after.title());
        assertEquals(before.description(), after.description());
        assertEquals(List.of("java"), after.tags());
        assertEquals(START.toString(), after.updatedAt());
        assertEquals(after, catalog.get("0_c9d0e1f2"));
    }

    @Test
    void update_unknownId_throwsMediaNotFound() {
        assertThrows(
                MediaNotFoundException.class, () -> catalog.update("0_zzzzzzzz", new MediaUpdate("x", null, null)));
    }

    @Test
    void oneShotFaults_failOnlyTheNextCall() throws CatalogException {
        link.failNext(SimulatedLink.Fault.CONNECTION);
        link.failNext(SimulatedLink.Fault.AUTHENTICATION);

        assertThrows(CatalogConnectionException.class, catalog::categories);
        assertThrows(CatalogAuthenticationException.class, () -> catalog.get("0_a1b2c3d4"));
        assertEquals(6, catalog.categories().size());
    }

    @Test
    void linkState_failsEveryCallUntilRestoredAndShowsInConnectivity() throws CatalogException {
        link.setState(Connectivity.State.DISCONNECTED);
        assertThrows(CatalogConnectionException.class, catalog::categories);
        assertThrows(CatalogConnectionException.class, catalog::categories);
        assertEquals(Connectivity.State.DISCONNECTED, catalog.connectivity().state());

        link.setState(Connectivity.State.SESSION_EXPIRED);
        assertThrows(CatalogAuthenticationException.class, catalog::categories);

        link.setState(Connectivity.State.CONNECTED);
        assertEquals(6, catalog.categories().size());
        assertEquals(new Connectivity(Connectivity.State.CONNECTED, "session active"), catalog.connectivity());
    }

    @Test
    void delayNext_waitsOnceThroughTheSleeper() throws CatalogException {
        link.delayNext(Duration.ofMillis(750));

        catalog.get("0_a1b2c3d4");
        catalog.get("0_a1b2c3d4");

        assertEquals(List.of(Duration.ofMillis(750)), slept);
    }

    @Test
    void interruptedDelay_failsAsConnectionAndKeepsTheInterrupt() {
        SimulatedLink interrupting = new SimulatedLink(d -> {
            throw new InterruptedException();
        });
        InMemoryMediaCatalog c = new InMemoryMediaCatalog(interrupting, Clock.fixed(START, ZoneOffset.UTC));
        interrupting.delayNext(Duration.ofSeconds(1));

        assertThrows(CatalogConnectionException.class, () -> c.get("0_a1b2c3d4"));
        assertTrue(Thread.currentThread().isInterrupted());
    }

    @Test
    void negativeDelay_isRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> link.delayNext(Duration.ofMillis(-1)));
        assertEquals("delay must not be negative: PT-0.001S", e.getMessage());
    }
}
