/**
 * The aggregator's decisions as plain Java, with no Kafka types: folding containers into per-image usage and per-pod /
 * per-workload FIPS state, building inventory rows, deciding audit transitions. The topology only wires these
 * functions into adders, subtractors, joiners and processors.
 *
 * <p>These records are also the aggregator's internal state format (stored as JSON in its stores and internal
 * topics): renaming a component changes that format.
 */
package dev.imagecensus.aggregator.domain;
