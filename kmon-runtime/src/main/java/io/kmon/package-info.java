/**
 * kmon's runtime facade: {@link io.kmon.Kmon}, built by {@link io.kmon.KmonBuilder}. The handles
 * generated code calls live in {@code io.kmon.internal}, which is not API.
 */
package io.kmon;
