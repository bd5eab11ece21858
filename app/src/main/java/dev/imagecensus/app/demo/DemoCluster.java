package dev.imagecensus.app.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagecensus.app.demo.DemoImages.Slot;
import dev.imagecensus.app.demo.DemoWorkload.Kind;
import dev.imagecensus.fakeapi.FakeApiServer;
import dev.imagecensus.fakeapi.FakeCluster;
import dev.imagecensus.fakeapi.Kubeconfig;
import dev.imagecensus.fakeapi.ResourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated cluster of {@code image-census local --demo}: a {@link FakeApiServer} seeded with a few namespaces
 * of realistic workloads (Deployments with ReplicaSets, a StatefulSet, a DaemonSet, a CronJob's Job, a bare pod,
 * init containers, FIPS images, an image gone from its registry, an invalid reference), and light churn: every
 * few seconds a deployment scales or rolls out, or the cron job's run completes and the next one starts.
 */
public final class DemoCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoCluster.class);
    private static final List<String> NAMESPACES = List.of("default", "shop", "data", "monitoring", "batch");

    private final FakeApiServer server;
    private final DemoImages images;
    private final List<DemoWorkload> workloads = workloads();
    private final Random random = new Random(7);
    private final ScheduledExecutorService churn;

    private DemoCluster(FakeApiServer server, DemoImages images, Duration churnEvery) {
        this.server = server;
        this.images = images;
        NAMESPACES.forEach(ns -> cluster().apply(ResourceKind.NAMESPACE, DemoObjects.namespace(ns).toString()));
        workloads.forEach(this::sync);
        if (churnEvery.isZero() || churnEvery.isNegative()) {
            churn = null;
        } else {
            churn = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-churn");
                t.setDaemon(true);
                return t;
            });
            churn.scheduleWithFixedDelay(this::churnSafely, churnEvery.toMillis(), churnEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Starts the API server on a free local port and seeds it; churn every {@code churnEvery} (zero: none). */
    public static DemoCluster start(DemoImages images, Duration churnEvery) throws IOException {
        return new DemoCluster(FakeApiServer.builder().start(), images, churnEvery);
    }

    /** Writes a kubeconfig pointing at the demo cluster. */
    public Path writeKubeconfig(Path file) throws IOException {
        return Kubeconfig.write(server, file);
    }

    public FakeCluster cluster() {
        return server.cluster();
    }

    /** One line for the banner: what the demo cluster holds. */
    public String describe() {
        return cluster().count(ResourceKind.POD) + " pods in " + NAMESPACES.size() + " namespaces at " + server.url()
                + images.registryHost().map(h -> ", images in http://" + h).orElse(", images on public registries");
    }

    /** One step of churn, chosen at random; public so tests can drive it. */
    public synchronized void churnOnce() {
        switch (random.nextInt(3)) {
            case 0 -> {
                DemoWorkload web = workload("web");
                web.replicas = web.replicas == 3 ? 5 : 3;
                log.info("demo: scaling shop/web to {} replicas", web.replicas);
                sync(web);
            }
            case 1 -> {
                DemoWorkload cache = workload("cache");
                Slot next = cache.slots.get(0) == Slot.CACHE ? Slot.CACHE_NEXT : Slot.CACHE;
                log.info("demo: rolling out data/cache to {}", images.reference(next));
                cluster().apply(ResourceKind.REPLICA_SET, cache.controllerObject(cache.revision, true).toString());
                cache.slots = List.of(next);
                cache.revision++;
                sync(cache);
            }
            default -> completeJob(workload("nightly-backup"));
        }
    }

    private void completeJob(DemoWorkload cron) {
        int run = cron.revision;
        log.info("demo: job batch/{} completed, next run starts", cron.jobName(run));
        if (run > 0) { // keep one finished run, like successfulJobsHistoryLimit: 1
            cluster().delete(ResourceKind.POD, cron.namespace, cron.jobPod(run - 1));
            cluster().delete(ResourceKind.JOB, cron.namespace, cron.jobName(run - 1));
        }
        cluster().apply(ResourceKind.POD, cron.jobPod(images, run, "Succeeded").toString());
        cluster().apply(ResourceKind.JOB, cron.controllerObject(run, true).toString());
        cron.live.remove(cron.jobPod(run));
        cron.revision++;
        sync(cron);
    }

    /** Brings the cluster's objects of a workload in line with its spec: owner object, new pods, gone pods. */
    private void sync(DemoWorkload w) {
        ObjectNode owner = w.controllerObject(w.revision, false);
        if (owner != null) {
            cluster().apply(w.kind == Kind.CRON_JOB ? ResourceKind.JOB : ResourceKind.REPLICA_SET, owner.toString());
        }
        Map<String, ObjectNode> desired = w.pods(images);
        for (String gone : List.copyOf(w.live)) {
            if (!desired.containsKey(gone)) {
                cluster().delete(ResourceKind.POD, w.namespace, gone);
                w.live.remove(gone);
            }
        }
        desired.forEach((name, pod) -> {
            if (!w.live.contains(name)) {
                cluster().apply(ResourceKind.POD, pod.toString());
                w.live.add(name);
            }
        });
    }

    private void churnSafely() {
        try {
            churnOnce();
        } catch (RuntimeException e) {
            log.warn("demo churn failed", e);
        }
    }

    private DemoWorkload workload(String name) {
        return workloads.stream().filter(w -> w.name.equals(name)).findFirst().orElseThrow();
    }

    private static List<DemoWorkload> workloads() {
        return List.of(
                new DemoWorkload(Kind.DEPLOYMENT, "shop", "web", 3, List.of(Slot.INIT), List.of(Slot.WEB)),
                new DemoWorkload(Kind.DEPLOYMENT, "shop", "payments", 2, List.of(), List.of(Slot.PAYMENTS_FIPS)),
                new DemoWorkload(Kind.DEPLOYMENT, "shop", "auth", 2, List.of(), List.of(Slot.AUTH_FIPS)),
                new DemoWorkload(Kind.STATEFUL_SET, "data", "postgres", 2, List.of(Slot.INIT), List.of(Slot.DB)),
                new DemoWorkload(Kind.DEPLOYMENT, "data", "cache", 2, List.of(), List.of(Slot.CACHE)),
                new DemoWorkload(Kind.DAEMON_SET, "monitoring", "fluent-bit", 3, List.of(), List.of(Slot.AGENT)),
                new DemoWorkload(Kind.DEPLOYMENT, "monitoring", "metrics-exporter", 1, List.of(), List.of(Slot.METRICS)),
                new DemoWorkload(Kind.CRON_JOB, "batch", "nightly-backup", 1, List.of(), List.of(Slot.BACKUP)),
                new DemoWorkload(Kind.DEPLOYMENT, "batch", "legacy-report", 1, List.of(), List.of(Slot.LEGACY)),
                new DemoWorkload(Kind.DEPLOYMENT, "batch", "importer", 1, List.of(), List.of(Slot.INVALID)),
                new DemoWorkload(Kind.DEPLOYMENT, "batch", "compliance-scan", 1, List.of(), List.of(Slot.UBI)),
                new DemoWorkload(Kind.POD, "default", "debug-shell", 1, List.of(), List.of(Slot.TOOLS)));
    }

    /** Stops the churn, then the API server. */
    @Override
    public void close() {
        if (churn != null) {
            churn.shutdownNow();
            try {
                churn.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.close();
    }
}
