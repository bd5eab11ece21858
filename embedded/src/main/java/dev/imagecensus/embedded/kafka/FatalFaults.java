package dev.imagecensus.embedded.kafka;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KafkaRaftServer calls {@code Exit.halt} on a fatal fault, which would kill an all-in-one JVM (tests,
 * {@code image-census local}). Replace halt and exit with a logged exception in the faulting thread.
 */
final class FatalFaults {

    private static final Logger log = LoggerFactory.getLogger(FatalFaults.class);
    private static volatile boolean installed;

    private FatalFaults() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        Exit.setHaltProcedure((status, message) -> {
            log.error("Embedded Kafka asked to halt the JVM with status {}: {}", status, message);
            throw new IllegalStateException("Embedded Kafka fatal fault (halt " + status + "): " + message);
        });
        Exit.setExitProcedure((status, message) -> {
            log.error("Embedded Kafka asked to exit the JVM with status {}: {}", status, message);
            throw new IllegalStateException("Embedded Kafka fatal fault (exit " + status + "): " + message);
        });
        installed = true;
    }
}
