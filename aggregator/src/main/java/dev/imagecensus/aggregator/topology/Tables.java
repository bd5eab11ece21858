package dev.imagecensus.aggregator.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/** Named, String-keyed key-value stores. */
final class Tables {

    private Tables() {
    }

    static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> store(String name, Serde<V> valueSerde) {
        return Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(name)
                .withKeySerde(StateSerdes.KEY)
                .withValueSerde(valueSerde);
    }
}
