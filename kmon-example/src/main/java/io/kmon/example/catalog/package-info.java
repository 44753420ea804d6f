/**
 * The media API behind the tools: the monitored {@link io.kmon.example.catalog.MediaCatalog}
 * interface, an in-memory implementation behind a simulated network link, its exceptions, and
 * the readiness check of that link.
 */
package io.kmon.example.catalog;
