/**
 * The third stage, and the only code that uses JavaPoet: writes a
 * {@link io.kmon.processor.model.ProxyModel} as Java source. Every type the generated code
 * names is in {@link io.kmon.processor.codegen.RuntimeTypes}.
 */
package io.kmon.processor.codegen;
