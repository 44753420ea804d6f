package io.kmon.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's scraper: reads {@code /metrics/prometheus} as Prometheus would and checks what a
 * scrape must never show. A scrape fails when it throws, times out, answers anything but 200,
 * or does not parse. Every sample of a counter family, and every {@code _count}, {@code _sum}
 * and {@code _bucket} of a summary or histogram, must never decrease from one scrape to the
 * next, nor vanish.
 * Records each scrape's latency. {@link #scrapeOnce()} never throws, so a scheduler keeps
 * calling it; it is meant for one thread at a time.
 */
final class ScrapeWatch {
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE);
    private static final int KEPT = 10;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpRequest request;
    private final Map<String, Double> last = new HashMap<>();
    private final List<Long> latencyNanos = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> decreases = new ArrayList<>();
    private long failed;
    private long decreased;
    private PrometheusText lastText;

    ScrapeWatch(URI prometheus) {
        this.request = HttpRequest.newBuilder(prometheus)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    /** One scrape and its checks. */
    synchronized void scrapeOnce() {
        long start = System.nanoTime();
        String body;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            latencyNanos.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                fail("status " + response.statusCode() + ": " + response.body());
                return;
            }
            body = response.body();
        } catch (Exception e) {
            latencyNanos.add(System.nanoTime() - start);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(e.toString());
            return;
        }
        try {
            check(body);
        } catch (RuntimeException e) {
            fail("unparseable scrape: " + e);
        }
    }

    private void check(String body) {
        PrometheusText text = PrometheusText.parse(body);
        Set<String> counters = new HashSet<>();
        Set<String> summaries = new HashSet<>();
        Matcher type = TYPE.matcher(body);
        while (type.find()) {
            if (type.group(2).equals("counter")) {
                counters.add(type.group(1));
            } else if (type.group(2).equals("summary") || type.group(2).equals("histogram")) {
                summaries.add(type.group(1));
            }
        }
        Map<String, Double> now = new HashMap<>();
        for (PrometheusText.Sample s : text.samples()) {
            if (cumulative(s.name(), counters, summaries)) {
                now.put(s.name() + s.labels(), s.value());
            }
        }
        if (now.isEmpty()) {
            fail("no counter in the scrape");
            return;
        }
        last.forEach((key, before) -> {
            Double after = now.get(key);
            if (after == null) {
                decrease(key + " vanished (was " + before + ")");
            } else if (after < before) {
                decrease(key + " went from " + before + " to " + after);
            }
        });
        last.clear();
        last.putAll(now);
        lastText = text;
    }

    private static boolean cumulative(String sample, Set<String> counters, Set<String> summaries) {
        if (counters.contains(sample)) {
            return true;
        }
        for (String suffix : List.of("_count", "_sum", "_bucket")) {
            if (sample.endsWith(suffix) && summaries.contains(sample.substring(0, sample.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    private void fail(String why) {
        failed++;
        if (failures.size() < KEPT) {
            failures.add(why);
        }
    }

    private void decrease(String what) {
        decreased++;
        if (decreases.size() < KEPT) {
            decreases.add(what);
        }
    }

    /** Scrapes made. */
    synchronized int scrapes() {
        return latencyNanos.size();
    }

    /** Scrapes that failed, and the first few reasons. */
    synchronized long failed() {
        return failed;
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** Cumulative samples that decreased or vanished, and the first few of them. */
    synchronized long decreased() {
        return decreased;
    }

    synchronized List<String> decreases() {
        return List.copyOf(decreases);
    }

    /** Cumulative samples tracked in the last good scrape. */
    synchronized int tracked() {
        return last.size();
    }

    /** The last scrape that parsed, or null. */
    synchronized PrometheusText lastText() {
        return lastText;
    }

    /** The {@code q} quantile (0..1) of scrape latency, in milliseconds. */
    synchronized double latencyMillis(double q) {
        if (latencyNanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = latencyNanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
