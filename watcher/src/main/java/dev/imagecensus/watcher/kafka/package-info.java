/** Kafka adapters: mapping to {@code ImageEvent}, the publishing producer and the read-back of what was published. */
package dev.imagecensus.watcher.kafka;
