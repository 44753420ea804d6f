/**
 * The first stage: checks annotated elements and reports every problem as a compile error on
 * the element (texts in {@link io.kmon.processor.validation.Messages}), so that only input
 * that yields compiling code reaches the model.
 */
package io.kmon.processor.validation;
