/**
 * The annotations that kmon's processor turns into monitored classes. This package has no
 * dependencies; the processor and the runtime both depend on it.
 */
package io.kmon.annotations;
