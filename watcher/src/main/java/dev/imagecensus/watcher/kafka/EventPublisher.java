package dev.imagecensus.watcher.kafka;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.watcher.http.WatcherMetrics;
import dev.imagecensus.watcher.inventory.Change;
import dev.imagecensus.watcher.inventory.ChangeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes changes to {@code image-events}: the event, and for DELETED a tombstone after it. {@link #publish}
 * blocks while Kafka cannot take more (buffer full, metadata unavailable, registry down) and tries again until it
 * can, so an outage stalls the event loop and, through the bounded queue, the informers: bounded memory, nothing lost.
 * A failure after a record was accepted (the producer retries forever, so only fatal errors) means the topic no
 * longer matches the published state: the publisher turns unhealthy and refuses further sends; a restart reads the
 * topic back and repairs the difference.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final Duration SERIALIZATION_RETRY = Duration.ofSeconds(2);

    private final Producer<String, ImageEvent> producer;
    private final String topic;
    private final String cluster;
    private final WatcherMetrics metrics;
    private final Callback callback = this::completed;
    private volatile Thread sendingThread;
    private volatile Exception syncFailure;
    private volatile Exception fatal;
    private volatile long blockedSinceNanos;

    public EventPublisher(Producer<String, ImageEvent> producer, String topic, String cluster, WatcherMetrics metrics) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Hands one change to the producer, blocking while Kafka cannot take it. */
    public void publish(Change change, Instant observedAt) throws InterruptedException {
        String key = EventMapper.key(cluster, change.record());
        send(new ProducerRecord<>(topic, key, EventMapper.toEvent(cluster, change, observedAt)));
        if (change.type() == ChangeType.DELETED) {
            send(new ProducerRecord<>(topic, key, null)); // compaction then forgets the key
        }
    }

    /** Empty when healthy; otherwise why not (fatal failure, or waiting for Kafka). */
    public Optional<String> problem() {
        Exception failure = fatal;
        if (failure != null) {
            return Optional.of("producer failed: " + failure);
        }
        long since = blockedSinceNanos;
        return since == 0 ? Optional.empty()
                : Optional.of("waiting for Kafka for " + Duration.ofNanos(System.nanoTime() - since).toSeconds() + " s");
    }

    /** The failure that stopped publishing, if any. */
    public Optional<Exception> fatal() {
        return Optional.ofNullable(fatal);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    private void send(ProducerRecord<String, ImageEvent> record) throws InterruptedException {
        while (true) {
            if (fatal != null) {
                throw new IllegalStateException("publisher stopped after a fatal producer failure", fatal);
            }
            Exception failure = trySend(record);
            if (failure == null) {
                blockedSinceNanos = 0;
                return;
            }
            if (blockedSinceNanos == 0) {
                blockedSinceNanos = System.nanoTime();
            }
            metrics.kafkaBlocked();
            if (failure instanceof TimeoutException) {
                // send() already waited max.block.ms for buffer space or metadata
                LOG.warn("Kafka did not take {} within max.block.ms (buffer full or broker unreachable); waiting",
                        record.key());
            } else if (failure instanceof SerializationException || failure instanceof RetriableException) {
                LOG.warn("cannot send {} ({}); retrying in {} s", record.key(), failure.getMessage(),
                        SERIALIZATION_RETRY.toSeconds());
                Thread.sleep(SERIALIZATION_RETRY.toMillis());
            } else {
                fatal = failure;
                LOG.error("publishing {} to {} failed permanently; stopping: {}", record.key(), topic, failure.toString());
            }
        }
    }

    /** Null when the producer accepted the record; the reason it did not otherwise. */
    private Exception trySend(ProducerRecord<String, ImageEvent> record) throws InterruptedException {
        syncFailure = null;
        sendingThread = Thread.currentThread();
        try {
            producer.send(record, callback);
        } catch (SerializationException e) {
            return e; // e.g. the schema registry is unreachable: retry
        } catch (InterruptException e) {
            throw new InterruptedException("interrupted while waiting for Kafka");
        } finally {
            sendingThread = null;
        }
        return syncFailure;
    }

    /** Runs on the producer's I/O thread, or synchronously inside send() when the record was not accepted. */
    private void completed(Object metadata, Exception e) {
        if (e == null) {
            return;
        }
        if (Thread.currentThread() == sendingThread) {
            syncFailure = e;
            return;
        }
        if (fatal == null) {
            LOG.error("publishing to {} failed after the record was accepted; stopping: {}", topic, e.toString());
            fatal = e;
        }
    }
}
