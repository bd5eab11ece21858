/**
 * {@code image-census inventory}: the report's model and formats (pure, unit-tested), and its two sources: a running
 * aggregator's HTTP API, or a cluster listed once with images optionally inspected in their registries.
 */
package dev.imagecensus.app.inventory;
