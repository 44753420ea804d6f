/**
 * Not API: what generated code and kmon's own wiring call, with no compatibility promise.
 * Generated proxies hold a {@link io.kmon.internal.MethodMonitor} per method, made by
 * {@link io.kmon.internal.ComponentMonitor}; a method reports slow and failed calls to a
 * narrow {@link io.kmon.internal.CallSink}, never to the facade. {@link io.kmon.internal.Wiring}
 * builds the parts of one {@code Kmon} and runs its background work.
 */
package io.kmon.internal;
