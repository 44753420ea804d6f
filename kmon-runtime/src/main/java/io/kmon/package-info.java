/**
 * kmon's runtime facade: {@link io.kmon.Kmon} and the handles generated code calls,
 * {@link io.kmon.ComponentMonitor} and {@link io.kmon.MethodMonitor}.
 */
package io.kmon;
