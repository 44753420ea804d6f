package io.kmon.example.catalog;

/**
 * A signed, expiring URL that plays one entry.
 *
 * @param mediaId the entry played
 * @param format {@code hls}, {@code dash} or {@code mp4}
 * @param url the URL itself
 * @param expiresAt when the signature expires, ISO-8601 UTC
 */
public record PlaybackUrl(String mediaId, String format, String url, String expiresAt) {}
