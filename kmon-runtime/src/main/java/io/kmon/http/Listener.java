package io.kmon.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Opens a {@link KmonServer}'s listening socket, so the builder's start only wires the parts together. */
final class Listener {
    /**
     * Connections the kernel queues before the dispatcher accepts them. The JDK's default, 50,
     * overflows under a burst of connects, and each overflowed client then waits for its SYN
     * to be retried (1 s, then 3 s...) instead of being accepted or refused at once.
     */
    private static final int BACKLOG = 1024;

    private Listener() {}

    /** {@code bindAddress} resolved; throws {@link IllegalArgumentException} when it is not an address. */
    static InetAddress address(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bindAddress is not a known host or address: " + bindAddress, e);
        }
    }

    /**
     * A JDK server bound to {@code host:port}, not started; {@code bindAddress} names it in the
     * {@link UncheckedIOException} thrown when it cannot be bound. The JDK reads its limits from
     * system properties here, on the JVM's first server, so {@link ServerLimits} are applied before.
     */
    static HttpServer open(InetAddress host, int port, String bindAddress) {
        try {
            return HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port, e);
        }
    }
}
