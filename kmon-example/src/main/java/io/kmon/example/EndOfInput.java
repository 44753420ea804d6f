package io.kmon.example;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * stdin that tells when it ends. An MCP client stops a stdio server by closing its stdin;
 * the SDK then closes its session, but nothing tells the rest of the process (the exporter,
 * kmon) to stop, so this stream does.
 */
final class EndOfInput extends FilterInputStream {
    private final Runnable onEnd;

    /** {@code in}, calling {@code onEnd} at end of stream or on a read error. */
    EndOfInput(InputStream in, Runnable onEnd) {
        super(in);
        this.onEnd = onEnd;
    }

    @Override
    public int read() throws IOException {
        return ended(guarded(() -> super.read()));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return ended(guarded(() -> super.read(b, off, len)));
    }

    private int ended(int n) {
        if (n < 0) {
            onEnd.run();
        }
        return n;
    }

    private int guarded(IoRead read) throws IOException {
        try {
            return read.read();
        } catch (IOException e) {
            onEnd.run(); // a broken pipe ends the session just like a close
            throw e;
        }
    }

    @FunctionalInterface
    private interface IoRead {
        int read() throws IOException;
    }
}
