package dev.imagecensus.streams;

import dev.imagecensus.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services' policy for a failed stream thread: an infrastructure failure (registry unreachable, a retriable
 * Kafka error) replaces the thread, which resumes from the last committed transaction; anything else stops the
 * instance, so readiness fails and the orchestrator restarts it rather than it running half-dead.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException || t instanceof RetriableException) {
                log.warn("Stream thread failed on infrastructure, replacing it", error);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        log.error("Stream thread failed, shutting this instance down", error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
