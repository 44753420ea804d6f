/**
 * The operations resources kmon's annotation processor writes for each {@code @Monitored}
 * interface ({@code META-INF/kmon/*.rules.yml}, {@code *.dashboard.json}, {@code *.metrics.json}),
 * collected from every jar and folder of a class path by {@link io.kmon.ops.OpsResources}.
 */
package io.kmon.ops;
