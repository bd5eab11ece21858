package dev.imagecensus.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions container changes by {@code cluster/namespace}, so every pod and every workload of a namespace is
 * rolled up by one task: pods never span namespaces, and a pod whose owner is re-resolved stays on its partition.
 */
final class ByNamespace implements StreamPartitioner<String, ContainerChange> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, ContainerChange change, int numPartitions) {
        byte[] namespace = change.namespaceKey().getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(namespace)) % numPartitions));
    }
}
