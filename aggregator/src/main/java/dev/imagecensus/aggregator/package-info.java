/**
 * The aggregator service (DESIGN.md "aggregator"): a Kafka Streams application folding {@code image-events} and
 * {@code image-classifications} into per-image, per-pod and per-workload state, {@code image-inventory},
 * {@code image-audit} and dead letters.
 *
 * <p>Entry points: {@link dev.imagecensus.aggregator.AggregatorConfig} (settings),
 * {@link dev.imagecensus.aggregator.topology.AggregatorTopology#build} (the topology as a function),
 * {@link dev.imagecensus.aggregator.Aggregator} (composition root: streams, metrics, HTTP),
 * {@link dev.imagecensus.aggregator.AggregatorService} (the streams app alone). For the metrics/HTTP layer:
 * {@link dev.imagecensus.aggregator.AggregatorStores} (queryable store names) and
 * {@link dev.imagecensus.aggregator.InventoryListener} (table changes, for precomputed metrics).
 */
package dev.imagecensus.aggregator;
