package dev.imagecensus.aggregator.topology;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls into listener code, which must never stop the pipeline: a failing metrics update is logged, not fatal. */
final class Dispatch {

    private static final Logger log = LoggerFactory.getLogger(Dispatch.class);

    private Dispatch() {
    }

    static void safely(String key, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("Inventory listener failed for {}; continuing", key, e);
        }
    }
}
