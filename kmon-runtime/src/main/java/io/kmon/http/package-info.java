/**
 * kmon's servlet-free HTTP exporter on the JDK's {@code com.sun.net.httpserver}: health, JSON
 * metrics, Prometheus/OpenMetrics text, recent series, alerts, errors and a dashboard whose
 * page, script and styles are all served from here. Start it with {@link io.kmon.http.KmonServer}.
 *
 * <p>Each request takes an immutable snapshot, a writer turns it into bytes, and a small
 * handler serves them: nothing that writes a response reaches into live counters.
 */
package io.kmon.http;
