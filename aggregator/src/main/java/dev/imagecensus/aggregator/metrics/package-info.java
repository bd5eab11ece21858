/**
 * The aggregator's metrics: {@link dev.imagecensus.aggregator.metrics.InventoryMetrics} (the seeds' names and the
 * {@code imagecensus_*} families, precomputed from table changes) after Micrometer's Prometheus registry with the JVM
 * and Kafka Streams binders ({@link dev.imagecensus.aggregator.metrics.AggregatorMetrics}).
 */
package dev.imagecensus.aggregator.metrics;
