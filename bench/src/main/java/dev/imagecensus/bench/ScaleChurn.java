package dev.imagecensus.bench;

import dev.imagecensus.bench.ScaleCluster.Kind;
import dev.imagecensus.bench.ScaleCluster.Workload;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A pre-built, deterministic stream of pod events against a {@link ScaleCluster}, all JSON serialised before the
 * run. Bulk events cycle through a pod deleted, a pod added (a workload scaling up) and a pod modified (its first
 * container rolled to another image). Every {@value #PROBE_EVERY}th event is a probe instead: a bare pod started
 * on a spare image nobody uses (so the aggregator's audit must say ENTERED) or the oldest probe pod, once it has
 * lived {@link #PROBE_LIFETIME_SECONDS} s, deleted (LEFT). Probes time the pipeline from pod event to output.
 *
 * <p>The expected containers per image after every event are kept, so the end state is known exactly.
 */
final class ScaleChurn {

    static final int PROBE_EVERY = 40;
    /** How long a probe pod lives (-Dbench.probe.lifetime, seconds; default 5). */
    static final double PROBE_LIFETIME_SECONDS = Double.parseDouble(System.getProperty("bench.probe.lifetime", "5"));
    static final String PROBE_NAMESPACE = "bench-probe";

    /** What an event does to the cluster. */
    enum Type { ADD, DELETE, MODIFY, PROBE_ADD, PROBE_DELETE }

    /**
     * One pod event: JSON to apply (ADD, MODIFY, PROBE_ADD) or the pod to delete; for probes the image whose
     * audit record (ENTERED for PROBE_ADD, LEFT for PROBE_DELETE) the event must cause.
     */
    record Event(Type type, String namespace, String name, byte[] json, String probeImage) {

        boolean probe() {
            return type == Type.PROBE_ADD || type == Type.PROBE_DELETE;
        }
    }

    private final List<Event> events;
    private final long[] expected;
    private final int probes;

    /**
     * @param spare image indices {@code cluster images .. +spare-1}, unused by the seeded pods, probes run on them
     */
    ScaleChurn(ScaleCluster cluster, int images, int spare, int count, double perSecond, long seed) {
        Random random = new Random(seed);
        List<Workload> workloads = cluster.workloadList();
        long[] counts = cluster.containersByImage();
        int capacity = cluster.pods() + count;
        // Live pods: workload, ordinal, pod index, first container's image (rolled by MODIFY).
        int[] podWorkload = new int[capacity];
        int[] podOrdinal = new int[capacity];
        int[] podImage = new int[capacity];
        int[] alive = new int[capacity]; // pod indices, unordered
        int aliveCount = 0;
        int[] extra = new int[workloads.size()];
        int next = 0;
        for (int w = 0; w < workloads.size(); w++) {
            for (int r = 0; r < workloads.get(w).replicas(); r++) {
                podWorkload[next] = w;
                podOrdinal[next] = r;
                podImage[next] = workloads.get(w).appImages()[0];
                alive[aliveCount++] = next++;
            }
        }
        List<Event> list = new ArrayList<>(count);
        ArrayDeque<long[]> probePods = new ArrayDeque<>(); // {event slot, spare image, probe number}
        boolean[] spareInUse = new boolean[spare];
        int nextSpare = 0;
        int probeNumber = 0;
        long lifetimeSlots = Math.round(PROBE_LIFETIME_SECONDS * perSecond);
        for (int slot = 0; slot < count; slot++) {
            if (spare > 0 && slot % PROBE_EVERY == 0) {
                long[] oldest = probePods.peekFirst();
                if (oldest != null && slot - oldest[0] >= lifetimeSlots) {
                    probePods.removeFirst();
                    int image = images + (int) oldest[1];
                    spareInUse[(int) oldest[1]] = false;
                    counts[image]--;
                    list.add(new Event(Type.PROBE_DELETE, PROBE_NAMESPACE, "probe-" + oldest[2], null,
                            cluster.imageReference(image)));
                    continue;
                }
                int tries = 0;
                while (spareInUse[nextSpare] && tries++ < spare) {
                    nextSpare = (nextSpare + 1) % spare;
                }
                if (!spareInUse[nextSpare]) {
                    int image = images + nextSpare;
                    spareInUse[nextSpare] = true;
                    probePods.addLast(new long[] {slot, nextSpare, probeNumber});
                    Workload probe = new Workload(1_000_000 + probeNumber, Kind.BARE, PROBE_NAMESPACE,
                            "probe-" + probeNumber, "probe-" + probeNumber, null, 1, new int[] {image}, -1, false);
                    counts[image]++;
                    list.add(new Event(Type.PROBE_ADD, PROBE_NAMESPACE, "probe-" + probeNumber,
                            cluster.podJson(probe, 0, 10_000_000 + probeNumber), cluster.imageReference(image)));
                    probeNumber++;
                    nextSpare = (nextSpare + 1) % spare;
                    continue;
                }
            }
            switch (slot % 3) {
                case 0 -> { // a pod goes away
                    int at = random.nextInt(aliveCount);
                    int pod = alive[at];
                    alive[at] = alive[--aliveCount];
                    Workload w = workloads.get(podWorkload[pod]);
                    count(counts, w, podImage[pod], -1);
                    list.add(new Event(Type.DELETE, w.namespace(), ScaleCluster.podName(w, podOrdinal[pod], pod), null, null));
                }
                case 1 -> { // a workload scales up (never a bare pod: its name is the workload's)
                    int wi;
                    do {
                        wi = random.nextInt(workloads.size());
                    } while (workloads.get(wi).kind() == Kind.BARE);
                    Workload w = workloads.get(wi);
                    int pod = next++;
                    podWorkload[pod] = wi;
                    podOrdinal[pod] = w.replicas() + extra[wi]++;
                    podImage[pod] = w.appImages()[0];
                    alive[aliveCount++] = pod;
                    count(counts, w, podImage[pod], 1);
                    list.add(new Event(Type.ADD, w.namespace(), ScaleCluster.podName(w, podOrdinal[pod], pod),
                            cluster.podJson(w, podOrdinal[pod], pod), null));
                }
                default -> { // a rollout moves a pod's first container to another image
                    int pod = alive[random.nextInt(aliveCount)];
                    Workload w = workloads.get(podWorkload[pod]);
                    count(counts, w, podImage[pod], -1);
                    podImage[pod] = random.nextInt(images);
                    count(counts, w, podImage[pod], 1);
                    list.add(new Event(Type.MODIFY, w.namespace(), ScaleCluster.podName(w, podOrdinal[pod], pod),
                            cluster.podJson(rolled(w, podImage[pod]), podOrdinal[pod], pod), null));
                }
            }
        }
        this.events = list;
        this.expected = counts;
        this.probes = (int) list.stream().filter(Event::probe).count();
    }

    List<Event> events() {
        return events;
    }

    int probes() {
        return probes;
    }

    /** Containers per image index once every event has been applied. */
    long[] expectedAfter() {
        return expected;
    }

    private static Workload rolled(Workload w, int image) {
        int[] app = w.appImages().clone();
        app[0] = image;
        return new Workload(w.index(), w.kind(), w.namespace(), w.name(), w.controllerName(), w.controllerUid(),
                w.replicas(), app, w.initImage(), w.nativeSidecar());
    }

    private static void count(long[] counts, Workload w, int firstImage, int delta) {
        int[] app = w.appImages();
        counts[firstImage] += delta;
        for (int i = 1; i < app.length; i++) {
            counts[app[i]] += delta;
        }
        if (w.initImage() >= 0) {
            counts[w.initImage()] += delta;
        }
    }
}
