package io.kmon.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for response bodies of at least {@value #MIN_BYTES} bytes, when the client's
 * {@code Accept-Encoding} gives gzip a q-value above 0. Smaller bodies are sent as they are: the
 * gzip header and the CPU would cost more than the bytes saved.
 */
final class Gzip {
    static final int MIN_BYTES = 1024;

    private Gzip() {}

    /** Whether a body of {@code length} bytes should be compressed for {@code acceptEncoding} (or null). */
    static boolean wanted(String acceptEncoding, int length) {
        return length >= MIN_BYTES && QualityList.quality(acceptEncoding, "gzip") > 0;
    }

    /**
     * {@code body} gzipped at the fastest level: exposition text is so repetitive that level 1
     * still shrinks a scrape about twentyfold, at a fraction of the default level's CPU.
     */
    static byte[] compress(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 8 + 64);
        try (GZIPOutputStream gzip = new FastGzip(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** A {@link GZIPOutputStream} at {@link Deflater#BEST_SPEED}. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
