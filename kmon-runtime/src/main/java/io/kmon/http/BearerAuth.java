package io.kmon.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Checks an {@code Authorization: Bearer <token>} header in constant time. Both the expected
 * and the offered token are hashed with SHA-256 first and the digests compared with
 * {@link MessageDigest#isEqual}, so neither the position of the first differing byte nor the
 * token's length shows in the time taken.
 */
final class BearerAuth {
    private static final String SCHEME = "bearer ";

    private final byte[] expectedDigest;

    BearerAuth(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("bearer token must be non-empty printable ASCII without spaces");
        }
        this.expectedDigest = sha256(token);
    }

    /** Whether {@code authorization} (the header's value, or null) carries the token. */
    boolean accepts(String authorization) {
        String offered = "";
        if (authorization != null
                && authorization.length() > SCHEME.length()
                && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            offered = authorization.substring(SCHEME.length()).trim();
        }
        // Always hash and compare, even for a missing header, so the time is the same.
        return MessageDigest.isEqual(expectedDigest, sha256(offered));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
