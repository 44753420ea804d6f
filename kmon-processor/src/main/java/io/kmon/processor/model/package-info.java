/**
 * The second stage: records describing what to generate
 * ({@link io.kmon.processor.model.ProxyModel}, {@link io.kmon.processor.model.ProxyMethod}),
 * and the code that reads them off the compiler's elements: method lists, tags, names and
 * alert settings. Nothing here knows how the code will be written.
 */
package io.kmon.processor.model;
