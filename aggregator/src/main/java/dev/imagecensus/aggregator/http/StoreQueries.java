package dev.imagecensus.aggregator.http;

import com.fasterxml.jackson.databind.JavaType;
import dev.imagecensus.aggregator.AggregatorStores;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.WorkloadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the aggregator's stores, complete across instances: listings read this instance's
 * partitions and ask every other instance hosting the store for theirs; a key is read where Kafka Streams says its
 * partition is active. Instances find each other through {@code application.server} (each one's HTTP
 * {@code host:port}); without it this instance is assumed to be alone and answers from its own stores.
 */
public final class StoreQueries implements InventorySource {

    private static final JavaType IMAGES = Json.MAPPER.constructType(Lists.Images.class);
    private static final JavaType WORKLOADS = Json.MAPPER.constructType(Lists.Workloads.class);
    private static final JavaType IMAGE = Json.MAPPER.constructType(ImageView.class);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final PeerClient peers = new PeerClient();

    /** @param self this instance's {@code application.server}, null when it runs alone */
    public StoreQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public List<ImageView> images(ImageFilter filter, boolean localOnly) {
        Map<String, ImageView> all = new TreeMap<>();
        this.<ImageState>local(AggregatorStores.IMAGE_STATE, (key, state) -> {
            ImageView view = ImageView.of(key, state);
            if (filter.test(view)) {
                all.put(key, view);
            }
        });
        if (!localOnly) {
            for (HostInfo peer : peers(AggregatorStores.IMAGE_STATE)) {
                peers.<Lists.Images>get(peer, "/api/images", filter.toQuery(), IMAGES)
                        .ifPresent(answer -> answer.images().forEach(v -> all.put(v.image(), v)));
            }
        }
        return List.copyOf(all.values());
    }

    @Override
    public Optional<ImageView> image(String image, boolean localOnly) {
        HostInfo owner = localOnly || self == null ? self : owner(AggregatorStores.IMAGE_STATE, image);
        if (owner == null || owner.equals(self)) {
            ImageState state = this.<ImageState>store(AggregatorStores.IMAGE_STATE).map(s -> get(s, image)).orElse(null);
            return Optional.ofNullable(state).map(s -> ImageView.of(image, s));
        }
        return peers.get(owner, "/api/images/" + PeerClient.segment(image), Map.of(), IMAGE);
    }

    @Override
    public List<WorkloadView> workloads(WorkloadFilter filter, boolean localOnly) {
        Map<String, WorkloadView> all = new TreeMap<>();
        this.<WorkloadState>local(AggregatorStores.WORKLOAD_STATE, (key, state) -> {
            WorkloadView view = WorkloadView.of(state);
            if (filter.test(view)) {
                all.put(key, view);
            }
        });
        if (!localOnly) {
            for (HostInfo peer : peers(AggregatorStores.WORKLOAD_STATE)) {
                peers.<Lists.Workloads>get(peer, "/api/workloads", filter.toQuery(), WORKLOADS)
                        .ifPresent(answer -> answer.workloads().forEach(w -> all.put(w.key(), w)));
            }
        }
        return List.copyOf(all.values());
    }

    /** Every other instance that hosts partitions of {@code store}. */
    private List<HostInfo> peers(String store) {
        if (self == null) {
            return List.of();
        }
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(store)) {
            if (!metadata.hostInfo().equals(self) && !hosts.contains(metadata.hostInfo())) {
                hosts.add(metadata.hostInfo());
            }
        }
        return hosts;
    }

    private HostInfo owner(String store, String key) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new QueryUnavailableException("no instance owns " + store + " key " + key + " right now (rebalancing?)");
        }
        return metadata.activeHost();
    }

    /** Calls {@code each} for every entry of this instance's active partitions of {@code store}. */
    private <V> void local(String store, BiConsumer<String, V> each) {
        Optional<ReadOnlyKeyValueStore<String, V>> local = store(store);
        if (local.isEmpty()) {
            return;
        }
        try (KeyValueIterator<String, V> entries = local.get().all()) {
            while (entries.hasNext()) {
                KeyValue<String, V> entry = entries.next();
                each.accept(entry.key, entry.value);
            }
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException(store + " is moving between instances; retry", e);
        }
    }

    private <V> V get(ReadOnlyKeyValueStore<String, V> store, String key) {
        try {
            return store.get(key);
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("store moving between instances; retry", e);
        }
    }

    /**
     * This instance's active partitions of {@code store}; empty when it is known to own none of them (it runs, and
     * the metadata does not list it), unavailable when they exist but cannot be read now.
     */
    private <V> Optional<ReadOnlyKeyValueStore<String, V>> store(String store) {
        try {
            ReadOnlyKeyValueStore<String, V> local = streams.store(
                    StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()));
            local.approximateNumEntries(); // touches the underlying stores: throws now if there are none
            return Optional.of(local);
        } catch (InvalidStateStoreException e) {
            if (self != null && streams.state() == KafkaStreams.State.RUNNING && !hostsLocally(store)) {
                return Optional.empty();
            }
            throw new QueryUnavailableException(store + " is not queryable on this instance now (" + streams.state()
                    + "); retry", e);
        }
    }

    private boolean hostsLocally(String store) {
        return streams.streamsMetadataForStore(store).stream()
                .map(StreamsMetadata::hostInfo).anyMatch(self::equals);
    }
}
