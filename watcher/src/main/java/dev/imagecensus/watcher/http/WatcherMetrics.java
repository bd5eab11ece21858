package dev.imagecensus.watcher.http;

import dev.imagecensus.watcher.inventory.ChangeType;
import dev.imagecensus.watcher.model.ResourceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every watcher metric, defined in one place with bounded labels ({@code type} ∈ added/updated/deleted,
 * {@code resource} ∈ pods/replicasets/jobs). Prometheus names: {@code imagecensus_watcher_*}.
 */
public final class WatcherMetrics {

    private final MeterRegistry registry;
    private final Map<ChangeType, Counter> events = new EnumMap<>(ChangeType.class);
    private final Map<ChangeType, Counter> resyncChanges = new EnumMap<>(ChangeType.class);
    private final Map<ResourceType, Counter> relists = new EnumMap<>(ResourceType.class);
    private final Map<ResourceType, Counter> watchResumes = new EnumMap<>(ResourceType.class);
    private final Map<ResourceType, Counter> listed = new EnumMap<>(ResourceType.class);
    private final Counter kafkaBlocked;
    private final Timer lag;

    public WatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ChangeType type : ChangeType.values()) {
            String label = type.name().toLowerCase(java.util.Locale.ROOT);
            events.put(type, Counter.builder("imagecensus.watcher.events")
                    .description("Image events published, by type").tag("type", label).register(registry));
            resyncChanges.put(type, Counter.builder("imagecensus.watcher.resync.changes")
                    .description("Events that a (re)list diff against the published state produced, by type")
                    .tag("type", label).register(registry));
        }
        for (ResourceType type : ResourceType.values()) {
            relists.put(type, Counter.builder("imagecensus.watcher.relists")
                    .description("Relists after a 410 Gone").tag("resource", type.plural()).register(registry));
            watchResumes.put(type, Counter.builder("imagecensus.watcher.watch.resumes")
                    .description("Watches ended by the server and resumed from the last resourceVersion")
                    .tag("resource", type.plural()).register(registry));
            listed.put(type, Counter.builder("imagecensus.watcher.listed.objects")
                    .description("Objects received in list responses").tag("resource", type.plural()).register(registry));
        }
        kafkaBlocked = Counter.builder("imagecensus.watcher.kafka.blocked")
                .description("Sends that found the producer buffer full or Kafka unavailable and waited").register(registry);
        lag = Timer.builder("imagecensus.watcher.informer.lag")
                .description("Time from receiving a Kubernetes object to handing its events to the producer")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void event(ChangeType type, boolean resync) {
        events.get(type).increment();
        if (resync) {
            resyncChanges.get(type).increment();
        }
    }

    public void relist(ResourceType type) {
        relists.get(type).increment();
    }

    public void watchResumed(ResourceType type) {
        watchResumes.get(type).increment();
    }

    public void listed(ResourceType type, long items) {
        listed.get(type).increment(items);
    }

    public void kafkaBlocked() {
        kafkaBlocked.increment();
    }

    public void lag(Duration duration) {
        lag.record(duration);
    }

    /** Gauges read on scrape: queue depth, published containers and pods, known workloads, sync state. */
    public void gauges(Supplier<Number> queueDepth, Supplier<Number> containers, Supplier<Number> pods,
                       Supplier<Number> workloads, Supplier<Number> synced) {
        Gauge.builder("imagecensus.watcher.queue.depth", queueDepth)
                .description("Signals waiting in the hand-over queue between informers and publisher").register(registry);
        Gauge.builder("imagecensus.watcher.published.containers", containers)
                .description("Containers currently published (not retracted)").register(registry);
        Gauge.builder("imagecensus.watcher.published.pods", pods)
                .description("Pods with at least one published container").register(registry);
        Gauge.builder("imagecensus.watcher.known.workloads", workloads)
                .description("ReplicaSets and Jobs held for owner resolution").register(registry);
        Gauge.builder("imagecensus.watcher.synced", synced)
                .description("1 when the initial lists of pods, ReplicaSets and Jobs are published").register(registry);
    }
}
