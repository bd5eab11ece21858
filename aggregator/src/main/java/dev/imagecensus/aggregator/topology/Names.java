package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.AggregatorStores;

/**
 * Every store, internal topic and processor name of the topology, in one place. Changing a store or internal
 * topic name orphans its changelog or repartition topic: that is an application reset, not a refactoring.
 */
final class Names {

    // State stores (their changelogs are <application.id>-<store>-changelog).
    static final String LIVE_CONTAINERS = AggregatorStores.LIVE_CONTAINERS;
    static final String CLASSIFICATIONS = AggregatorStores.CLASSIFICATIONS;
    static final String IMAGE_USAGE = AggregatorStores.IMAGE_USAGE;
    static final String IMAGE_STATE = AggregatorStores.IMAGE_STATE;
    static final String AUDIT_STATE = AggregatorStores.AUDIT_STATE;
    static final String INVALID_REFERENCES = AggregatorStores.INVALID_REFERENCES;
    static final String CONTAINER_PODS = "container-pods";
    static final String ROLLUP_IMAGE_STATUS = "rollup-image-status";
    static final String ROLLUP_IMAGE_PODS = "rollup-image-pods";
    static final String POD_STATE = AggregatorStores.POD_STATE;
    static final String WORKLOAD_STATE = AggregatorStores.WORKLOAD_STATE;

    // Repartition topics (<application.id>-<name>-repartition).
    static final String CONTAINERS_BY_IMAGE = "containers-by-image";
    static final String INVALID_BY_IMAGE = "invalid-containers-by-image";
    static final String ROLLUP_INPUT = "rollup-input";

    // Processor name prefixes of the two decoded sources.
    static final String EVENTS = "image-events";
    static final String CLASSIFICATION_EVENTS = "image-classifications";

    private Names() {
    }
}
