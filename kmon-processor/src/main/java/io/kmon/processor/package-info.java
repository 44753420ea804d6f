/**
 * kmon's annotation processor, {@link io.kmon.processor.KmonProcessor}: turns each
 * {@code @Monitored} interface into a {@code Monitored*} class in three stages, validation,
 * model and code generation, each in its own package. Put this module on the annotation
 * processor path (or as a {@code provided} dependency); it never needs to be on the run-time
 * classpath, and it never loads kmon-runtime.
 */
package io.kmon.processor;
