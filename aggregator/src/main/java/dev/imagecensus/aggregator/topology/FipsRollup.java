package dev.imagecensus.aggregator.topology;

import dev.imagecensus.aggregator.InventoryListener;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadState;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Folds container changes into {@code pod-state} and pods into {@code workload-state}, in one step: the input is
 * partitioned by namespace ({@link ByNamespace}), so a task holds whole pods and whole workloads. A pod is
 * retracted from its workload with exactly the value it was added with, and a pod whose owner changes moves
 * between workloads. Changes go straight to the listener (replayed on init, retracted on close, like
 * {@link ChangeDispatcher}).
 */
final class FipsRollup implements Processor<String, ContainerChange, Void, Void> {

    private final Reported<PodState> reportedPods;
    private final Reported<WorkloadState> reportedWorkloads;
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
        pods = context.getStateStore(Names.POD_STATE);
        workloads = context.getStateStore(Names.WORKLOAD_STATE);
        if (reportedPods != null) {
            reportedPods.replay(pods);
            reportedWorkloads.replay(workloads);
        }
    }

    @Override
    public void process(Record<String, ContainerChange> record) {
        ContainerChange change = record.value();
        String podKey = change.podKey();
        PodState before = value(pods.get(podKey));
        PodState after;
        if (change.now() != null) {
            after = (before == null ? PodState.NONE : before).plus(change.now());
        } else {
            after = before == null ? null : before.without(change.container(), change.podUid());
        }
        after = after == null || !after.hasContainers() ? null : after;
        if (Objects.equals(before, after)) {
            return;
        }
        put(pods, podKey, after, record.timestamp());
        if (reportedPods != null) {
            reportedPods.report(podKey, after);
        }
        movePod(before, after, record.timestamp());
    }

    /** Retracts {@code before} from its workload and adds {@code after} to its own (usually the same one). */
    private void movePod(PodState before, PodState after, long timestamp) {
        String from = before == null ? null : before.workloadKey();
        String to = after == null ? null : after.workloadKey();
        if (from != null && from.equals(to)) {
            update(from, workloadOrNone(from).minus(before).plus(after), timestamp);
            return;
        }
        if (from != null) {
            update(from, workloadOrNone(from).minus(before), timestamp);
        }
        if (to != null) {
            update(to, workloadOrNone(to).plus(after), timestamp);
        }
    }

    private WorkloadState workloadOrNone(String key) {
        WorkloadState state = value(workloads.get(key));
        return state == null ? WorkloadState.NONE : state;
    }

    private void update(String key, WorkloadState state, long timestamp) {
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
