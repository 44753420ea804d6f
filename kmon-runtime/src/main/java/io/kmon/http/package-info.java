/**
 * kmon's servlet-free HTTP exporter on the JDK's {@code com.sun.net.httpserver}: health, JSON
 * metrics, Prometheus/OpenMetrics text, recent series, alerts, errors and a dashboard whose
 * page, script and styles are all served from here. Start it with
 * {@link io.kmon.http.KmonServer#start} or {@link io.kmon.http.KmonServer#builder}.
 *
 * <p>Each request takes an immutable snapshot, a writer of {@code io.kmon.format} turns it into
 * bytes, and a small handler serves them: nothing that writes a response reaches into live
 * counters, and no endpoint holds the {@code Kmon} facade, only the part it reads.
 */
package io.kmon.http;
