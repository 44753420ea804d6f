/**
 * System, process and JVM figures ({@link io.kmon.system.SystemMetrics}), read through OSHI
 * when the application put it on the class path and it loads, and through the JDK's MXBeans
 * otherwise, sampled on kmon's background thread.
 */
package io.kmon.system;
