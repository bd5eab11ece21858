package dev.imagecensus.watcher;

import dev.imagecensus.watcher.inventory.Signal;
import dev.imagecensus.watcher.kube.ApiClientTransport;
import dev.imagecensus.watcher.kube.InformerEvents;
import dev.imagecensus.watcher.kube.ListWatcher;
import dev.imagecensus.watcher.kube.Projections;
import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import dev.imagecensus.watcher.model.WorkloadView;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The three list/watch loops, one thread each. ReplicaSets and Jobs start first and pods only once both have
 * handed over their first full list, so the first pod list resolves owners completely (no provisional owners
 * published on start).
 */
final class Informers implements AutoCloseable {

    private static final Duration LIST_TIMEOUT = Duration.ofMinutes(2);

    private final List<ListWatcher<?>> watchers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Informers(ApiClient client, BlockingQueue<SignalSink.Envelope> queue, InformerEvents events, int pageSize) {
        ListWatcher.Settings settings = new ListWatcher.Settings(pageSize, ListWatcher.Settings.DEFAULTS.minWatchSeconds(),
                ListWatcher.Settings.DEFAULTS.maxWatchSeconds(), ListWatcher.Settings.DEFAULTS.backoffInitial(),
                ListWatcher.Settings.DEFAULTS.backoffMax());
        CountDownLatch workloadsListed = new CountDownLatch(2);
        ListWatcher<WorkloadView> replicaSets = workloads(client, ResourceType.REPLICA_SET, queue, events, settings,
                workloadsListed);
        ListWatcher<WorkloadView> jobs = workloads(client, ResourceType.JOB, queue, events, settings, workloadsListed);
        ListWatcher<PodView> pods = new ListWatcher<>(ResourceType.POD,
                new ApiClientTransport<>(client, ResourceType.POD, Projections::pod, LIST_TIMEOUT),
                new SignalSink<>(ResourceType.POD, queue, Signal.PodUpserted::new, Signal.PodDeleted::new, () -> { }),
                events, settings);
        add(ResourceType.REPLICA_SET, replicaSets, replicaSets);
        add(ResourceType.JOB, jobs, jobs);
        add(ResourceType.POD, pods, () -> {
            try {
                workloadsListed.await();
                pods.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static ListWatcher<WorkloadView> workloads(ApiClient client, ResourceType type,
                                                       BlockingQueue<SignalSink.Envelope> queue, InformerEvents events,
                                                       ListWatcher.Settings settings, CountDownLatch listed) {
        boolean[] first = {true}; // only touched by this watcher's thread
        Runnable countFirst = () -> {
            if (first[0]) {
                first[0] = false;
                listed.countDown();
            }
        };
        return new ListWatcher<>(type,
                new ApiClientTransport<>(client, type, json -> Projections.workload(type, json), LIST_TIMEOUT),
                new SignalSink<>(type, queue, Signal.WorkloadUpserted::new, Signal.WorkloadDeleted::new, countFirst),
                events, settings);
    }

    private void add(ResourceType type, ListWatcher<?> watcher, Runnable body) {
        watchers.add(watcher);
        Thread thread = new Thread(body, "watcher-" + type.plural());
        thread.setDaemon(true);
        threads.add(thread);
    }

    void start() {
        threads.forEach(Thread::start);
    }

    @Override
    public void close() {
        watchers.forEach(ListWatcher::stop);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
                if (thread.isAlive()) {
                    Throwable where = new Throwable(thread.getName() + " still running");
                    where.setStackTrace(thread.getStackTrace());
                    org.slf4j.LoggerFactory.getLogger(Informers.class).warn("informer did not stop", where);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
