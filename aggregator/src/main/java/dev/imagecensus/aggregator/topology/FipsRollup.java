package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.ImageStatus;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The FIPS roll-up of one namespace partition: container changes folded into {@code pod-state}, pods into
 * {@code workload-state}, each container classified from this task's copy of every image's status
 * ({@code rollup-image-status}, fed by a broadcast). When an image's status changes, the pods using it are found
 * through {@code rollup-image-pods} ({@code image|pod}) and re-folded. A pod is retracted from its workload with
 * exactly the value it was added with, so a pod whose owner is re-resolved moves between workloads. Changes go
 * straight to the listener (replayed on init, retracted on close, like {@link ChangeDispatcher}).
 */
final class FipsRollup implements Processor<String, RollupInput, Void, Void> {

    private static final StringSerializer PREFIX = new StringSerializer();

    private final Reported<PodState> reportedPods;
    private final Reported<WorkloadState> reportedWorkloads;
    private KeyValueStore<String, ImageStatus> statuses;
    private KeyValueStore<String, String> imagePods;
    private TimestampedKeyValueStore<String, PodState> pods;
    private TimestampedKeyValueStore<String, WorkloadState> workloads;

    /** @param listener told of every pod and workload change; {@link InventoryListener#NONE} to track nothing */
    FipsRollup(InventoryListener listener) {
        boolean listening = listener != InventoryListener.NONE;
        this.reportedPods = listening ? new Reported<>(listener::onPodState) : null;
        this.reportedWorkloads = listening ? new Reported<>(listener::onWorkloadState) : null;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        statuses = context.getStateStore(Names.ROLLUP_IMAGE_STATUS);
        imagePods = context.getStateStore(Names.ROLLUP_IMAGE_PODS);
        pods = context.getStateStore(Names.POD_STATE);
        workloads = context.getStateStore(Names.WORKLOAD_STATE);
        if (reportedPods != null) {
            reportedPods.replay(pods);
            reportedWorkloads.replay(workloads);
        }
    }

    @Override
    public void process(Record<String, RollupInput> record) {
        RollupInput input = record.value();
        if (input.container() != null) {
            apply(input.container(), record.timestamp());
        } else {
            reclassify(input.image(), input.status(), record.timestamp());
        }
    }

    private void apply(ContainerChange change, long timestamp) {
        String podKey = change.podKey();
        PodState before = value(pods.get(podKey));
        PodState after;
        if (change.now() != null) {
            LiveContainer now = change.now();
            ImageStatus status = now.imageRef() == null ? null : statuses.get(now.imageRef());
            after = (before == null ? PodState.NONE : before).plus(now, status);
        } else {
            after = before == null ? null : before.without(change.container(), change.podUid());
        }
        update(podKey, before, after, timestamp);
    }

    private void reclassify(String image, ImageStatus status, long timestamp) {
        if (Objects.equals(statuses.get(image), status)) {
            return;
        }
        if (status == null) {
            statuses.delete(image);
        } else {
            statuses.put(image, status);
        }
        List<String> using = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = imagePods.prefixScan(image + "|", PREFIX)) {
            entries.forEachRemaining(entry -> using.add(entry.value));
        }
        for (String podKey : using) {
            PodState before = value(pods.get(podKey));
            if (before != null) {
                update(podKey, before, before.reclassify(image, status), timestamp);
            }
        }
    }

    /** Stores, indexes and reports a pod's new value, and moves it between workloads. */
    private void update(String podKey, PodState before, PodState next, long timestamp) {
        PodState after = next == null || !next.hasContainers() ? null : next;
        if (Objects.equals(before, after)) {
            return;
        }
        put(pods, podKey, after, timestamp);
        index(podKey, before, after);
        if (reportedPods != null) {
            reportedPods.report(podKey, after);
        }
        String from = before == null ? null : before.workloadKey();
        String to = after == null ? null : after.workloadKey();
        if (from != null && from.equals(to)) {
            updateWorkload(from, workloadOrNone(from).minus(before).plus(after), timestamp);
            return;
        }
        if (from != null) {
            updateWorkload(from, workloadOrNone(from).minus(before), timestamp);
        }
        if (to != null) {
            updateWorkload(to, workloadOrNone(to).plus(after), timestamp);
        }
    }

    /** Keeps {@code image|pod} entries for the images the pod uses. */
    private void index(String podKey, PodState before, PodState after) {
        Set<String> was = before == null ? Set.of() : before.imageRefs();
        Set<String> is = after == null ? Set.of() : after.imageRefs();
        if (was.equals(is)) {
            return;
        }
        Set<String> gone = new TreeSet<>(was);
        gone.removeAll(is);
        gone.forEach(image -> imagePods.delete(image + "|" + podKey));
        for (String image : is) {
            if (!was.contains(image)) {
                imagePods.put(image + "|" + podKey, podKey);
            }
        }
    }

    private WorkloadState workloadOrNone(String key) {
        WorkloadState state = value(workloads.get(key));
        return state == null ? WorkloadState.NONE : state;
    }

    private void updateWorkload(String key, WorkloadState state, long timestamp) {
        WorkloadState kept = state.hasPods() ? state : null;
        put(workloads, key, kept, timestamp);
        if (reportedWorkloads != null) {
            reportedWorkloads.report(key, kept);
        }
    }

    @Override
    public void close() {
        if (reportedPods != null) {
            reportedPods.retractAll();
            reportedWorkloads.retractAll();
        }
    }

    private static <V> V value(ValueAndTimestamp<V> stored) {
        return stored == null ? null : stored.value();
    }

    private static <V> void put(TimestampedKeyValueStore<String, V> store, String key, V value, long timestamp) {
        if (value == null) {
            store.delete(key);
        } else {
            store.put(key, ValueAndTimestamp.make(value, timestamp));
        }
    }
}
