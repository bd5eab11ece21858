package dev.imagecensus.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Container changes by {@code cluster/namespace}, so every pod and every workload of a namespace is rolled up by
 * one task (pods never span namespaces, and a pod whose owner is re-resolved stays on its partition); image
 * statuses to every partition (there are a few thousand images, against hundreds of thousands of containers).
 */
final class RollupPartitioner implements StreamPartitioner<String, RollupInput> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, RollupInput input, int numPartitions) {
        if (input.container() == null) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        byte[] namespace = input.container().namespaceKey().getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(namespace)) % numPartitions));
    }
}
