package io.kmon.example;

import io.kmon.example.catalog.CatalogException;
import io.kmon.example.catalog.Category;
import io.kmon.example.catalog.Connectivity;
import io.kmon.example.catalog.Media;
import io.kmon.example.catalog.MediaCatalog;
import io.kmon.example.catalog.MediaUpdate;
import io.kmon.example.catalog.PlaybackUrl;
import io.kmon.example.catalog.SearchPage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link MediaCatalog} that counts, per method, the calls it passes on and those that
 * failed: the ground truth that kmon's {@code api.*} counters must equal at the end of a soak.
 * It sits inside the generated proxy ({@code MonitoredMediaCatalog.wrap(new CountingCatalog(real))}),
 * so it sees exactly the calls the proxy records. Thread-safe.
 */
final class CountingCatalog implements MediaCatalog {
    private final MediaCatalog delegate;
    private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();

    CountingCatalog(MediaCatalog delegate) {
        this.delegate = delegate;
    }

    /** A call of {@code method} that the delegate answers. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws CatalogException;
    }

    private <T> T count(String method, Call<T> call) throws CatalogException {
        calls.computeIfAbsent(method, m -> new LongAdder()).increment();
        try {
            return call.run();
        } catch (CatalogException | RuntimeException | Error e) {
            errors.computeIfAbsent(method, m -> new LongAdder()).increment();
            throw e;
        }
    }

    @Override
    public SearchPage search(String query, String categoryId, int limit) throws CatalogException {
        return count("search", () -> delegate.search(query, categoryId, limit));
    }

    @Override
    public Media get(String mediaId) throws CatalogException {
        return count("get", () -> delegate.get(mediaId));
    }

    @Override
    public List<Category> categories() throws CatalogException {
        return count("categories", delegate::categories);
    }

    @Override
    public PlaybackUrl playbackUrl(String mediaId, String format) throws CatalogException {
        return count("playbackUrl", () -> delegate.playbackUrl(mediaId, format));
    }

    @Override
    public Media update(String mediaId, MediaUpdate update) throws CatalogException {
        return count("update", () -> delegate.update(mediaId, update));
    }

    @Override
    public Connectivity connectivity() {
        return delegate.connectivity(); // @NotMonitored: kmon does not count it, so neither do we
    }

    /** Calls per method so far, sorted by method. */
    Map<String, Long> calls() {
        return sums(calls);
    }

    /** Failed calls per method so far, sorted by method. */
    Map<String, Long> errors() {
        return sums(errors);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((method, n) -> out.put(method, n.sum()));
        return out;
    }
}
