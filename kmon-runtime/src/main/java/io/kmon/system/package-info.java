/**
 * System, process and JVM figures ({@link io.kmon.system.SystemMetrics}), read through OSHI
 * where it loads and through the JDK's MXBeans where it does not, sampled on kmon's
 * background thread.
 */
package io.kmon.system;
