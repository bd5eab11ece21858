package dev.imagecensus.app.e2e;

import dev.imagecensus.app.e2e.SimulatedCluster.Kind;
import dev.imagecensus.app.e2e.SimulatedCluster.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The e2e cluster: 200 pods over 34 images (every synthetic kind, 16 {@code bench/app-<n>} images, a deleted tag,
 * a repository and a tag never pushed, an invalid reference) in Deployments, a StatefulSet, DaemonSets, a CronJob
 * with finished runs, bare pods, init and sidecar containers; and a script of churn steps (scaling up and down,
 * rollouts to other images, jobs completing, pods deleted, workloads added). No image goes in and out of use twice in
 * the script, so each enters or leaves at most once and the audit can be counted exactly.
 */
final class Scenario {

    /** One step of churn, named for failure messages. */
    record Step(String name, Consumer<SimulatedCluster> action) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Scenario() {
    }

    /** Seeds the initial workloads. */
    static void seed(SimulatedCluster cluster, ImageCatalogue images) {
        String busybox = images.synthetic("busybox");
        for (int n = 0; n < 16; n++) {
            cluster.add(new Workload(Kind.DEPLOYMENT, "team-" + n % 4, "svc-" + n, 8,
                    n % 2 == 0 ? List.of(busybox) : List.of(), List.of(images.unique(n))));
        }
        deployment(cluster, "shop", "web", 10, List.of(busybox), images.synthetic("debian-app"));
        deployment(cluster, "shop", "api", 12, List.of(), images.synthetic("alpine"), images.synthetic("distroless"));
        deployment(cluster, "shop", "worker", 6, List.of(), images.synthetic("ubuntu"));
        deployment(cluster, "shop", "payments", 4, List.of(), images.synthetic("openssl-fips"));
        deployment(cluster, "shop", "auth", 3, List.of(), images.synthetic("go-fips"));
        deployment(cluster, "batch", "compliance", 2, List.of(), images.synthetic("ubi-fips"));
        deployment(cluster, "default", "tools", 2, List.of(), images.synthetic("app-fips"));
        deployment(cluster, "shop", "static", 4, List.of(), images.synthetic("distroless"));
        deployment(cluster, "shop", "minimal", 3, List.of(), images.synthetic("scratch"));
        deployment(cluster, "data", "cache", 3, List.of(), images.synthetic("zstd"));
        deployment(cluster, "data", "patched", 2, List.of(), images.synthetic("whiteout"));
        deployment(cluster, "batch", "legacy", 2, List.of(), images.synthetic("deleted"));
        deployment(cluster, "batch", "ghost", 1, List.of(), images.missingRepository());
        deployment(cluster, "batch", "typo", 1, List.of(), images.missingTag());
        deployment(cluster, "batch", "importer", 1, List.of(), ImageCatalogue.INVALID);
        cluster.add(new Workload(Kind.STATEFUL_SET, "data", "postgres", 3, List.of(busybox),
                List.of(images.synthetic("debian"))));
        cluster.add(new Workload(Kind.DAEMON_SET, "monitoring", "fluent", 5, List.of(),
                List.of(images.synthetic("multiarch"))));
        cluster.add(new Workload(Kind.DAEMON_SET, "monitoring", "node-exporter", 5, List.of(),
                List.of(images.synthetic("docker-list"))));
        cluster.add(new Workload(Kind.CRON_JOB, "batch", "backup", 1, List.of(), List.of(images.synthetic("ubuntu"))));
        cluster.completeJob("batch", "backup");
        cluster.completeJob("batch", "backup"); // two finished runs kept: Succeeded pods must not count
        cluster.add(new Workload(Kind.POD, "default", "debug", 2, List.of(), List.of(images.synthetic("alpine"))));
    }

    /** The churn script, in order. */
    static List<Step> churn(ImageCatalogue images) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("scale team-0/svc-0 up to 12", c -> c.scale("team-0", "svc-0", 12)));
        steps.add(new Step("scale team-1/svc-1 down to 2", c -> c.scale("team-1", "svc-1", 2)));
        steps.add(new Step("roll out team-2/svc-2 to app-16", c -> c.rollout("team-2", "svc-2", List.of(images.unique(16)))));
        steps.add(new Step("roll out shop/web to app-17", c -> c.rollout("shop", "web", List.of(images.unique(17)))));
        steps.add(new Step("batch/backup run completes", c -> c.completeJob("batch", "backup")));
        steps.add(new Step("delete bare pod default/debug-0", c -> c.deletePod("default", "debug-0")));
        steps.add(new Step("scale batch/legacy to 0", c -> c.scale("batch", "legacy", 0)));
        steps.add(new Step("roll out batch/typo to alpine:1", c -> c.rollout("batch", "typo", List.of(images.synthetic("alpine")))));
        steps.add(new Step("add late/late with app-18", c -> c.add(new Workload(Kind.DEPLOYMENT, "late", "late", 3,
                List.of(), List.of(images.unique(18))))));
        steps.add(new Step("node-e gone: delete its fluent pod", c -> c.deletePod("monitoring",
                c.livePods("monitoring", "fluent").get(4))));
        steps.add(new Step("scale team-3/svc-3 to 0", c -> c.scale("team-3", "svc-3", 0)));
        steps.add(new Step("scale team-0/svc-4 up to 10", c -> c.scale("team-0", "svc-4", 10)));
        steps.add(new Step("roll out team-1/svc-5 to app-19", c -> c.rollout("team-1", "svc-5", List.of(images.unique(19)))));
        steps.add(new Step("add data/queue statefulset with app-20", c -> c.add(new Workload(Kind.STATEFUL_SET, "data",
                "queue", 2, List.of(), List.of(images.unique(20))))));
        steps.add(new Step("delete bare pod default/debug-1", c -> c.deletePod("default", "debug-1")));
        steps.add(new Step("scale batch/ghost to 0", c -> c.scale("batch", "ghost", 0)));
        return steps;
    }

    private static void deployment(SimulatedCluster cluster, String namespace, String name, int replicas,
                                   List<String> init, String... images) {
        cluster.add(new Workload(Kind.DEPLOYMENT, namespace, name, replicas, init, List.of(images)));
    }
}
