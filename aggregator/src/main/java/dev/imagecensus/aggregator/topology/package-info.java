/**
 * Wiring of the domain functions into the Kafka Streams topology: sources with dead-lettering, tables,
 * aggregations, joins, the audit processor and the change dispatchers. Only
 * {@link dev.imagecensus.aggregator.topology.AggregatorTopology} is public.
 */
package dev.imagecensus.aggregator.topology;
