package io.kmon.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The limits kmon relies on from the JDK's {@code com.sun.net.httpserver}, which reads them from
 * system properties once per JVM, when its first server is created:
 *
 * <table>
 *   <caption>JDK HTTP server properties kmon sets when they are not already set</caption>
 *   <tr><th>property</th><th>kmon default</th><th>what it bounds</th></tr>
 *   <tr><td>{@code sun.net.httpserver.maxReqTime}</td><td>5 s ({@code readTimeout})</td>
 *       <td>time to receive a request's line, headers and body. kmon enforces its own
 *       {@code readTimeout} per server ({@link ReadDeadline}); this is the JVM-wide backstop,
 *       which also closes connections whose exchange was dropped</td></tr>
 *   <tr><td>{@code sun.net.httpserver.maxRspTime}</td><td>30 s ({@code writeTimeout})</td>
 *       <td>time to send a response; a client that stops reading is disconnected</td></tr>
 *   <tr><td>{@code sun.net.httpserver.idleInterval}</td><td>30 s ({@code idleTimeout})</td>
 *       <td>how long a kept-alive or just-accepted silent connection stays open (checked every
 *       {@code sun.net.httpserver.clockTick}, 10 s by default; a just-accepted one is closed after
 *       the smaller of this and {@code maxReqTime})</td></tr>
 *   <tr><td>{@code sun.net.httpserver.maxReqHeaders}</td><td>{@value #MAX_HEADERS}</td>
 *       <td>headers in one request</td></tr>
 *   <tr><td>{@code sun.net.httpserver.maxReqHeaderSize}</td><td>{@value #MAX_HEADER_BYTES} bytes</td>
 *       <td>bytes of the request line plus headers</td></tr>
 *   <tr><td>{@code sun.net.httpserver.nodelay}</td><td>true</td>
 *       <td>TCP_NODELAY on accepted sockets: the JDK writes a response's headers and body
 *       separately, and with Nagle's algorithm on, the body of a small response waits for the
 *       client's delayed ACK (about 40 ms per request on Linux)</td></tr>
 *   <tr><td>{@code jdk.httpserver.maxConnections}</td><td>512 ({@code maxConnections})</td>
 *       <td>open connections per server; the JDK accepts and at once closes any beyond it</td></tr>
 * </table>
 *
 * <p>A value given on the command line ({@code -Dsun.net.httpserver.maxReqTime=5}) always wins.
 * Because the JDK reads them once, they also apply to any other {@code HttpServer} in the JVM,
 * and a kmon server started after another {@code HttpServer} gets whatever that one got.
 * Connections that send nothing never take a thread: the JDK only dispatches a connection
 * once it is readable.
 */
final class ServerLimits {
    static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
    static final String MAX_RSP_TIME = "sun.net.httpserver.maxRspTime";
    static final String IDLE_INTERVAL = "sun.net.httpserver.idleInterval";
    static final String MAX_REQ_HEADERS = "sun.net.httpserver.maxReqHeaders";
    static final String MAX_REQ_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";
    static final String NODELAY = "sun.net.httpserver.nodelay";
    static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";

    static final int MAX_HEADERS = 64;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private ServerLimits() {}

    /**
     * Sets each property that {@code properties} does not have yet, and returns the values now
     * in effect for all seven, by name.
     */
    static Map<String, String> apply(
            Properties properties,
            Duration readTimeout,
            Duration writeTimeout,
            Duration idleTimeout,
            int maxConnections) {
        synchronized (properties) {
            setIfAbsent(properties, MAX_REQ_TIME, Long.toString(readTimeout.toSeconds()));
            setIfAbsent(properties, MAX_RSP_TIME, Long.toString(writeTimeout.toSeconds()));
            setIfAbsent(properties, IDLE_INTERVAL, Long.toString(idleTimeout.toSeconds()));
            setIfAbsent(properties, MAX_REQ_HEADERS, Integer.toString(MAX_HEADERS));
            setIfAbsent(properties, MAX_REQ_HEADER_SIZE, Integer.toString(MAX_HEADER_BYTES));
            setIfAbsent(properties, NODELAY, "true");
            setIfAbsent(properties, MAX_CONNECTIONS, Integer.toString(maxConnections));
            Map<String, String> effective = new LinkedHashMap<>();
            for (String name : new String[] {
                MAX_REQ_TIME,
                MAX_RSP_TIME,
                IDLE_INTERVAL,
                MAX_REQ_HEADERS,
                MAX_REQ_HEADER_SIZE,
                NODELAY,
                MAX_CONNECTIONS
            }) {
                effective.put(name, properties.getProperty(name));
            }
            return effective;
        }
    }

    /**
     * Logs a WARNING for each property in {@code asked} (a value a builder was given explicitly)
     * whose value in {@code effective} differs: the JDK reads these once per JVM, so the server
     * runs with the value in effect, and the log says so rather than ignoring the setting silently.
     */
    static void warnIfNotApplied(Map<String, String> effective, Map<String, String> asked, System.Logger log) {
        asked.forEach((name, value) -> {
            String now = effective.get(name);
            if (!value.equals(now)) {
                log.log(
                        System.Logger.Level.WARNING,
                        "kmon HTTP server: " + name + "=" + value + " not applied; the JVM already uses " + now
                                + " (the JDK reads it once per JVM)");
            }
        });
    }

    private static void setIfAbsent(Properties properties, String name, String value) {
        if (properties.getProperty(name) == null) {
            properties.setProperty(name, value);
        }
    }

    /** {@code d} as whole seconds, at least one: the JDK's granularity for these limits. */
    static Duration wholeSeconds(Duration d, String name) {
        java.util.Objects.requireNonNull(d, name);
        if (d.toMillis() < 1000 || d.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds, at least 1: " + d);
        }
        return d;
    }
}
