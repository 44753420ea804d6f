package io.kmon.example.catalog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The media API of the example: a catalog held in memory, created at start from
 * {@link SeedCatalog}, behind a {@link SimulatedLink} that can make calls fail or slow down as
 * a remote API would. Thread-safe: entries are immutable records in a concurrent map, and an
 * update replaces one atomically.
 */
public final class InMemoryMediaCatalog implements MediaCatalog {
    /** How long a playback URL stays valid. */
    static final Duration PLAYBACK_TTL = Duration.ofHours(1);

    private final SimulatedLink link;
    private final Clock clock;
    private final Map<String, Media> entries = new ConcurrentHashMap<>();
    private final Map<String, String> categoryNames;
    private final SecretKeySpec signingKey;

    /** A catalog seeded with the example library, reached through {@code link}. */
    public InMemoryMediaCatalog(SimulatedLink link, Clock clock) {
        this.link = Objects.requireNonNull(link, "link");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Media media : SeedCatalog.media(now())) {
            entries.put(media.id(), media);
        }
        Map<String, String> names = new ConcurrentHashMap<>();
        for (String[] category : SeedCatalog.CATEGORIES) {
            names.put(category[0], category[1]);
        }
        this.categoryNames = Map.copyOf(names);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.signingKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public SearchPage search(String query, String categoryId, int limit) throws CatalogException {
        link.beforeCall("search");
        List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
        List<Media> matches = new ArrayList<>();
        for (Media media : entries.values()) {
            if ((categoryId == null || media.categoryId().equals(categoryId)) && matchesAll(media, words)) {
                matches.add(media);
            }
        }
        // Title matches first, then the most watched; the id breaks ties so results are stable.
        matches.sort(Comparator.comparing((Media m) -> !containsAll(m.title(), words))
                .thenComparing(Comparator.comparingLong(Media::views).reversed())
                .thenComparing(Media::id));
        return new SearchPage(query, matches.size(), matches.subList(0, Math.min(limit, matches.size())));
    }

    private static boolean matchesAll(Media media, List<String> words) {
        return containsAll(media.title() + ' ' + media.description() + ' ' + String.join(" ", media.tags()), words);
    }

    private static boolean containsAll(String text, List<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().allMatch(lower::contains);
    }

    @Override
    public Media get(String mediaId) throws CatalogException {
        link.beforeCall("get");
        return find(mediaId);
    }

    private Media find(String mediaId) throws MediaNotFoundException {
        Media media = entries.get(mediaId);
        if (media == null) {
            throw new MediaNotFoundException(mediaId);
        }
        return media;
    }

    @Override
    public List<Category> categories() throws CatalogException {
        link.beforeCall("categories");
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        for (Media media : entries.values()) {
            counts.merge(media.categoryId(), 1, Integer::sum);
        }
        return categoryNames.entrySet().stream()
                .map(e -> new Category(e.getKey(), e.getValue(), counts.getOrDefault(e.getKey(), 0)))
                .sorted(Comparator.comparing(Category::name))
                .toList();
    }

    @Override
    public PlaybackUrl playbackUrl(String mediaId, String format) throws CatalogException {
        link.beforeCall("playbackUrl");
        Media media = find(mediaId);
        if (media.status() != MediaStatus.READY) {
            throw new MediaNotReadyException(mediaId, media.status());
        }
        Instant expires = now().plus(PLAYBACK_TTL);
        String path = "/p/kmon-example/play/" + mediaId + "/" + format;
        String url = "https://media.example.com" + path + "?exp=" + expires.getEpochSecond() + "&sig="
                + sign(path + "?exp=" + expires.getEpochSecond());
        return new PlaybackUrl(mediaId, format, url, expires.toString());
    }

    private String sign(String resource) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signingKey);
            return HexFormat.of().formatHex(mac.doFinal(resource.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java platform; reaching this is a broken JDK.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public Media update(String mediaId, MediaUpdate update) throws CatalogException {
        Objects.requireNonNull(update, "update");
        link.beforeCall("update");
        String now = now().toString();
        Media updated = entries.computeIfPresent(
                mediaId,
                (id, old) -> new Media(
                        id,
                        update.title() != null ? update.title() : old.title(),
                        update.description() != null ? update.description() : old.description(),
                        old.categoryId(),
                        update.tags() != null ? update.tags() : old.tags(),
                        old.durationSeconds(),
                        old.status(),
                        old.views(),
                        now));
        if (updated == null) {
            throw new MediaNotFoundException(mediaId);
        }
        return updated;
    }

    /** The clock's time to the second: timestamps in results need no more. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public Connectivity connectivity() {
        return link.connectivity();
    }
}
