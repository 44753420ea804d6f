/**
 * The alert engine: {@link io.kmon.alert.Alert}s raised by hand, from the call path
 * ({@code @SlowAlert}, {@code @AlertOn}) and by {@link io.kmon.alert.AlertRule}s over the latest
 * metrics snapshot; logged through {@link System.Logger}, kept in a bounded history, handed to
 * listeners, and rate-limited per condition by a cooldown.
 */
package io.kmon.alert;
