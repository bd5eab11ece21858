package dev.imagecensus.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * A synthetic but realistic cluster of {@code pods} pods running {@code images} distinct images, as the API server
 * would serve it: Deployment pods owned through ReplicaSets (with an old, scaled-down ReplicaSet beside half of the
 * current ones), StatefulSet and DaemonSet pods, Job pods (most Jobs owned by a CronJob) and a few bare pods; 1–3
 * containers per pod (app, second app container, init container or native sidecar); every container Running with a
 * containerd {@code imageID}; labels, annotations, managedFields, volumes, probes and conditions as {@code kubectl get
 * -o json} shows them (~4 KB a pod), and a few fields no client model knows.
 *
 * <p>Deterministic (seeded), generated lazily: the JSON of one object exists only while it is being seeded, so a
 * 150k-pod cluster costs the harness only what the fake API server stores.
 */
final class ScaleCluster {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"nginx", "redis", "postgres", "api", "web", "worker", "auth", "billing",
            "search", "checkout", "catalog", "cart", "payments", "gateway", "envoy", "fluent-bit", "otel-collector",
            "kafka-connect", "scheduler", "notifier", "ledger", "reports", "export", "ingest", "frontend", "backend",
            "cache", "metrics", "alerting", "inventory", "pricing", "shipping", "profile", "session", "thumbnailer"};
    private static final String CREATED = "2026-11-20T08:15:42Z";
    private static final String STARTED = "2026-11-20T08:16:03Z";

    /** The kinds of top-level workload, with the share of workloads each gets. */
    enum Kind {
        DEPLOYMENT("Deployment"), STATEFUL_SET("StatefulSet"), DAEMON_SET("DaemonSet"), CRON_JOB("CronJob"),
        JOB("Job"), BARE("Pod");

        /** The top-level owner kind the watcher should resolve its pods to. */
        final String ownerKind;

        Kind(String ownerKind) {
            this.ownerKind = ownerKind;
        }
    }

    /** One workload and the pod template all its pods share. */
    record Workload(int index, Kind kind, String namespace, String name, String controllerName, String controllerUid,
                    int replicas, int[] appImages, int initImage, boolean nativeSidecar) {

        int containers() {
            return appImages.length + (initImage >= 0 ? 1 : 0);
        }
    }

    /** How image {@code i} appears in pods: the reference written in the spec, the runtime's imageID, the resolved image. */
    record ImageName(String reference, String imageId, String resolved) {
    }

    private final int pods;
    private final int imageCount;
    private final List<Workload> workloads = new ArrayList<>();
    private final String[] images;
    private final String[] imageIds;
    private final String[] resolved;
    private final int namespaces;
    private long containers;
    private long podBytes;
    private int replicaSets;
    private int jobs;

    ScaleCluster(int pods, int images, long seed) {
        this(pods, images, 0, seed, null);
    }

    /**
     * A cluster whose pods use images {@code 0..images-1}; images {@code images..images+spare-1} are named too but
     * used by no pod (a load generator may start pods on them). {@code naming} null: public-looking references
     * across Docker Hub, ghcr.io, ECR, registry.k8s.io, quay.io and Artifact Registry.
     */
    ScaleCluster(int pods, int images, int spare, long seed, IntFunction<ImageName> naming) {
        if (pods < 1 || images < 1 || spare < 0) {
            throw new IllegalArgumentException("pods and images must be positive");
        }
        this.pods = pods;
        this.imageCount = images;
        this.images = new String[images + spare];
        this.imageIds = new String[images + spare];
        this.resolved = new String[images + spare];
        for (int i = 0; i < images + spare; i++) {
            if (naming == null) {
                describeImage(i);
            } else {
                ImageName name = naming.apply(i);
                this.images[i] = name.reference();
                this.imageIds[i] = name.imageId();
                this.resolved[i] = name.resolved();
            }
        }
        this.namespaces = Math.max(3, pods / 1000);
        plan(new Random(seed));
    }

    int pods() {
        return pods;
    }

    /** Containers in all pods: the ADDED events a first sync must publish (every pod is Running). */
    long containers() {
        return containers;
    }

    /** Bytes of pod JSON generated so far (all pods once {@link #podJson()} has been iterated). */
    long podBytes() {
        return podBytes;
    }

    int replicaSets() {
        return replicaSets;
    }

    int jobs() {
        return jobs;
    }

    int workloads() {
        return workloads.size();
    }

    int namespaces() {
        return namespaces;
    }

    /** Containers by the owner kind the watcher should resolve them to (Deployment, CronJob, Pod, ...). */
    Map<String, Long> containersByOwnerKind() {
        Map<String, Long> counts = new TreeMap<>();
        for (Workload w : workloads) {
            counts.merge(w.kind().ownerKind, (long) w.replicas() * w.containers(), Long::sum);
        }
        return counts;
    }

    /** Containers per image index (init containers included), as the pods were seeded. */
    long[] containersByImage() {
        long[] counts = new long[images.length];
        for (Workload w : workloads) {
            for (int i : w.appImages()) {
                counts[i] += w.replicas();
            }
            if (w.initImage() >= 0) {
                counts[w.initImage()] += w.replicas();
            }
        }
        return counts;
    }

    /** The reference pods write for image {@code i}. */
    String imageReference(int i) {
        return images[i];
    }

    List<Workload> workloadList() {
        return workloads;
    }

    /** The JSON of pod {@code podIndex}, the {@code ordinal}-th of {@code w} (a pod index past {@link #pods()} makes a new pod). */
    byte[] podJson(Workload w, int ordinal, int podIndex) {
        return pod(w, ordinal, podIndex);
    }

    /** The name of that pod. */
    static String podName(Workload w, int ordinal, int podIndex) {
        return switch (w.kind()) {
            case DEPLOYMENT -> w.controllerName() + "-" + hash(podIndex, 5);
            case STATEFUL_SET -> w.name() + "-" + ordinal;
            case DAEMON_SET -> w.name() + "-" + hash(podIndex, 5);
            case CRON_JOB, JOB -> w.controllerName() + "-" + hash(podIndex, 5);
            case BARE -> w.name();
        };
    }

    /** Distinct images that some container uses (at most the {@code images} asked for). */
    int imagesUsed() {
        boolean[] used = new boolean[images.length];
        int count = 0;
        for (Workload w : workloads) {
            for (int i : w.appImages()) {
                count += used[i] ? 0 : 1;
                used[i] = true;
            }
            if (w.initImage() >= 0 && !used[w.initImage()]) {
                used[w.initImage()] = true;
                count++;
            }
        }
        return count;
    }

    // --- the plan ---

    private void plan(Random random) {
        int planned = 0;
        int nextImage = 0; // round-robin start so that every image is used when there are enough containers
        while (planned < pods) {
            int index = workloads.size();
            Kind kind = pickKind(random);
            int replicas = switch (kind) {
                case DEPLOYMENT -> 1 + random.nextInt(10);
                case STATEFUL_SET -> 1 + random.nextInt(5);
                case DAEMON_SET -> 5 + random.nextInt(16);
                case CRON_JOB, JOB -> 1 + random.nextInt(3);
                case BARE -> 1;
            };
            replicas = Math.min(replicas, pods - planned);
            int total = 1 + (random.nextInt(100) < 35 ? 1 : 0) + (random.nextInt(100) < 25 ? 1 : 0);
            boolean init = total > 1 && random.nextInt(100) < 50;
            int[] app = new int[init ? total - 1 : total];
            for (int i = 0; i < app.length; i++) {
                app[i] = pickImage(random, nextImage++);
            }
            int initImage = init ? pickImage(random, nextImage++) : -1;
            String namespace = String.format("team-%03d", random.nextInt(namespaces));
            String base = WORDS[random.nextInt(WORDS.length)] + "-" + Integer.toString(index, 36);
            String controllerName = switch (kind) {
                case DEPLOYMENT -> base + "-" + hash(index, 10);      // the ReplicaSet
                case CRON_JOB -> base + "-" + (29_000_000 + index);   // the Job a CronJob created
                default -> base;
            };
            workloads.add(new Workload(index, kind, namespace, base, controllerName, uid("workload", index), replicas,
                    app, initImage, init && random.nextInt(100) < 20));
            planned += replicas;
            containers += (long) replicas * workloads.get(index).containers();
            replicaSets += kind == Kind.DEPLOYMENT ? 1 + (index % 2) : 0; // half keep an old, scaled-down ReplicaSet
            jobs += kind == Kind.CRON_JOB || kind == Kind.JOB ? 1 : 0;
        }
    }

    private static Kind pickKind(Random random) {
        int r = random.nextInt(100);
        if (r < 68) {
            return Kind.DEPLOYMENT;
        } else if (r < 78) {
            return Kind.STATEFUL_SET;
        } else if (r < 84) {
            return Kind.DAEMON_SET;
        } else if (r < 91) {
            return Kind.CRON_JOB;
        } else if (r < 95) {
            return Kind.JOB;
        }
        return Kind.BARE;
    }

    private int pickImage(Random random, int roundRobin) {
        // Half the containers walk the pool (every image gets used), half favour popular images (a long tail).
        if (random.nextBoolean()) {
            return roundRobin % imageCount;
        }
        double skew = random.nextDouble();
        return (int) (skew * skew * imageCount);
    }

    // --- images ---

    private void describeImage(int i) {
        String word = WORDS[i % WORDS.length] + (i >= WORDS.length ? "-" + i / WORDS.length : "");
        String tag = (1 + i % 4) + "." + (i % 13) + "." + (i % 7);
        String digest = "sha256:" + sha256("image-" + i);
        String repo;
        String reference;
        switch (i % 6) {
            case 0 -> {
                repo = "docker.io/library/" + word;
                reference = i % 50 == 0 ? word : word + ":" + tag; // Docker Hub short names, a few untagged
            }
            case 1 -> {
                repo = "ghcr.io/acme/" + word;
                reference = repo + ":v" + tag;
            }
            case 2 -> {
                repo = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/platform/" + word;
                reference = repo + ":" + tag + "-" + sha256("git-" + i).substring(0, 7);
            }
            case 3 -> {
                repo = "registry.k8s.io/" + word;
                reference = repo + ":v" + tag;
            }
            case 4 -> {
                repo = "quay.io/acme/" + word;
                reference = repo + "@" + digest; // pinned by digest
            }
            default -> {
                repo = "europe-docker.pkg.dev/acme-prod/images/" + word;
                reference = repo + ":" + tag;
            }
        }
        images[i] = reference;
        imageIds[i] = repo + "@" + digest;
        resolved[i] = reference.contains("@") ? imageIds[i]
                : reference.startsWith(word) ? repo + (reference.contains(":") ? reference.substring(word.length()) : ":latest")
                : reference;
    }

    // --- serialised objects ---

    /** ReplicaSets of every Deployment (the current one, and an old one scaled to 0 for half of them). */
    Iterable<byte[]> replicaSetJson() {
        List<Workload> deployments = workloads.stream().filter(w -> w.kind() == Kind.DEPLOYMENT).toList();
        return lazy(deployments.size() * 2, i -> {
            Workload w = deployments.get(i / 2);
            boolean old = i % 2 == 1;
            if (old && w.index() % 2 == 0) {
                return null;
            }
            String name = old ? w.name() + "-" + hash(w.index() + 1_000_000, 10) : w.controllerName();
            String uid = old ? uid("old-rs", w.index()) : w.controllerUid();
            return replicaSet(w, name, uid, old ? 0 : w.replicas());
        });
    }

    /** Jobs: those of CronJobs and standalone ones. */
    Iterable<byte[]> jobJson() {
        List<Workload> list = workloads.stream().filter(w -> w.kind() == Kind.CRON_JOB || w.kind() == Kind.JOB).toList();
        return lazy(list.size(), i -> job(list.get(i)));
    }

    /** Every pod, workload by workload. */
    Iterable<byte[]> podJson() {
        int[] firstPod = new int[workloads.size() + 1];
        for (int w = 0; w < workloads.size(); w++) {
            firstPod[w + 1] = firstPod[w] + workloads.get(w).replicas();
        }
        return lazy(pods, new IntFunction<>() {
            private int workload;

            @Override
            public byte[] apply(int podIndex) {
                while (firstPod[workload + 1] <= podIndex) {
                    workload++;
                }
                return pod(workloads.get(workload), podIndex - firstPod[workload], podIndex);
            }
        });
    }

    private byte[] replicaSet(Workload w, String name, String uid, int replicas) {
        ObjectNode rs = JSON.createObjectNode().put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
        ObjectNode meta = rs.putObject("metadata").put("name", name).put("namespace", w.namespace()).put("uid", uid)
                .put("creationTimestamp", CREATED).put("generation", 1);
        labels(meta.putObject("labels"), w).put("pod-template-hash", name.substring(name.lastIndexOf('-') + 1));
        meta.putObject("annotations").put("deployment.kubernetes.io/desired-replicas", String.valueOf(w.replicas()))
                .put("deployment.kubernetes.io/max-replicas", String.valueOf(w.replicas() + 1))
                .put("deployment.kubernetes.io/revision", replicas == 0 ? "1" : "2");
        owner(meta, "apps/v1", "Deployment", w.name(), uid("deployment", w.index()));
        ObjectNode spec = rs.putObject("spec").put("replicas", replicas);
        spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", w.name());
        ObjectNode template = spec.putObject("template");
        labels(template.putObject("metadata").putObject("labels"), w);
        podSpec(template.putObject("spec"), w, null);
        rs.putObject("status").put("replicas", replicas).put("fullyLabeledReplicas", replicas)
                .put("readyReplicas", replicas).put("availableReplicas", replicas).put("observedGeneration", 1);
        return bytes(rs);
    }

    private byte[] job(Workload w) {
        ObjectNode job = JSON.createObjectNode().put("apiVersion", "batch/v1").put("kind", "Job");
        ObjectNode meta = job.putObject("metadata").put("name", w.controllerName()).put("namespace", w.namespace())
                .put("uid", w.controllerUid()).put("creationTimestamp", CREATED).put("generation", 1);
        labels(meta.putObject("labels"), w).put("batch.kubernetes.io/job-name", w.controllerName());
        if (w.kind() == Kind.CRON_JOB) {
            owner(meta, "batch/v1", "CronJob", w.name(), uid("cronjob", w.index()));
        }
        ObjectNode spec = job.putObject("spec").put("parallelism", w.replicas()).put("completions", w.replicas())
                .put("backoffLimit", 6).put("completionMode", "NonIndexed").put("suspend", false)
                .put("podReplacementPolicy", "TerminatingOrFailed").put("managedBy2", "kubernetes.io/job-controller");
        podSpec(spec.putObject("template").putObject("spec"), w, null);
        job.putObject("status").put("active", w.replicas()).put("startTime", STARTED).put("ready", w.replicas())
                .put("terminating", 0).putObject("uncountedTerminatedPods");
        return bytes(job);
    }

    private byte[] pod(Workload w, int ordinal, int podIndex) {
        String name = podName(w, ordinal, podIndex);
        ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata").put("name", name).put("namespace", w.namespace())
                .put("uid", uid("pod", podIndex)).put("creationTimestamp", CREATED);
        if (w.kind() != Kind.BARE && w.kind() != Kind.STATEFUL_SET) {
            meta.put("generateName", name.substring(0, name.lastIndexOf('-') + 1));
        }
        ObjectNode labels = labels(meta.putObject("labels"), w);
        ObjectNode annotations = meta.putObject("annotations")
                .put("kubectl.kubernetes.io/restartedAt", "2026-11-19T21:04:11Z")
                .put("prometheus.io/scrape", "true").put("prometheus.io/port", "9090");
        String node = "ip-10-" + (podIndex / 110 % 256) + "-" + (podIndex / 110 / 256 % 256) + "-17.eu-west-1.compute.internal";
        switch (w.kind()) {
            case DEPLOYMENT -> {
                labels.put("pod-template-hash", w.controllerName().substring(w.controllerName().lastIndexOf('-') + 1));
                owner(meta, "apps/v1", "ReplicaSet", w.controllerName(), w.controllerUid());
            }
            case STATEFUL_SET -> {
                labels.put("apps.kubernetes.io/pod-index", String.valueOf(ordinal))
                        .put("statefulset.kubernetes.io/pod-name", name);
                owner(meta, "apps/v1", "StatefulSet", w.name(), uid("statefulset", w.index()));
            }
            case DAEMON_SET -> {
                labels.put("controller-revision-hash", hash(w.index(), 10)).put("pod-template-generation", "3");
                owner(meta, "apps/v1", "DaemonSet", w.name(), uid("daemonset", w.index()));
            }
            case CRON_JOB, JOB -> {
                labels.put("batch.kubernetes.io/job-name", w.controllerName()).put("job-name", w.controllerName())
                        .put("batch.kubernetes.io/controller-uid", w.controllerUid());
                annotations.put("batch.kubernetes.io/job-tracking", "");
                owner(meta, "batch/v1", "Job", w.controllerName(), w.controllerUid());
            }
            case BARE -> annotations.put("kubectl.kubernetes.io/last-applied-configuration",
                    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"}}");
        }
        managedFields(meta, w);
        if (podIndex % 10 == 0) {
            // Fields a newer cluster would send: no client model knows them.
            meta.putObject("futureMetadata").put("shardKey", podIndex % 64);
            pod.putObject("futureTopLevel").putArray("items").add(1).add("two");
        }
        podSpec(pod.putObject("spec"), w, node);
        status(pod.putObject("status"), w, podIndex);
        byte[] json = bytes(pod);
        podBytes += json.length;
        return json;
    }

    private ObjectNode labels(ObjectNode labels, Workload w) {
        return labels.put("app.kubernetes.io/name", w.name()).put("app.kubernetes.io/part-of", w.namespace())
                .put("app.kubernetes.io/managed-by", "Helm").put("app.kubernetes.io/version", "1." + w.index() % 30);
    }

    private static void owner(ObjectNode meta, String apiVersion, String kind, String name, String uid) {
        meta.putArray("ownerReferences").addObject().put("apiVersion", apiVersion).put("kind", kind).put("name", name)
                .put("uid", uid).put("controller", true).put("blockOwnerDeletion", true);
    }

    private void managedFields(ObjectNode meta, Workload w) {
        ArrayNode fields = meta.putArray("managedFields");
        ObjectNode spec = fields.addObject().put("manager", "kube-controller-manager").put("operation", "Update")
                .put("apiVersion", "v1").put("time", CREATED).put("fieldsType", "FieldsV1")
                .putObject("fieldsV1");
        ObjectNode m = spec.putObject("f:metadata");
        m.putObject("f:generateName");
        m.putObject("f:labels").putObject("f:app.kubernetes.io/name");
        m.putObject("f:ownerReferences").putObject("k:{\"uid\":\"" + w.controllerUid() + "\"}");
        ObjectNode s = spec.putObject("f:spec");
        ObjectNode containers = s.putObject("f:containers");
        for (int i = 0; i < w.appImages().length; i++) {
            ObjectNode c = containers.putObject("k:{\"name\":\"" + containerName(w, i) + "\"}");
            c.putObject("f:image");
            c.putObject("f:imagePullPolicy");
            c.putObject("f:name");
            c.putObject("f:resources").putObject("f:limits").putObject("f:memory");
            c.putObject("f:terminationMessagePath");
        }
        s.putObject("f:dnsPolicy");
        s.putObject("f:restartPolicy");
        s.putObject("f:schedulerName");
        ObjectNode status = fields.addObject().put("manager", "kubelet").put("operation", "Update")
                .put("apiVersion", "v1").put("time", STARTED).put("fieldsType", "FieldsV1").put("subresource", "status")
                .putObject("fieldsV1").putObject("f:status");
        status.putObject("f:conditions").putObject("k:{\"type\":\"Ready\"}").putObject("f:status");
        status.putObject("f:containerStatuses");
        status.putObject("f:hostIP");
        status.putObject("f:phase");
        status.putObject("f:podIP");
        status.putObject("f:startTime");
    }

    private void podSpec(ObjectNode spec, Workload w, String node) {
        ArrayNode volumes = spec.putArray("volumes");
        ObjectNode projected = volumes.addObject().put("name", "kube-api-access-" + hash(w.index(), 5))
                .putObject("projected").put("defaultMode", 420);
        ArrayNode sources = projected.putArray("sources");
        sources.addObject().putObject("serviceAccountToken").put("expirationSeconds", 3607).put("path", "token");
        sources.addObject().putObject("configMap").put("name", "kube-root-ca.crt").putArray("items").addObject()
                .put("key", "ca.crt").put("path", "ca.crt");
        volumes.addObject().put("name", "config").putObject("configMap").put("name", w.name() + "-config")
                .put("defaultMode", 420);
        if (w.initImage() >= 0) {
            ObjectNode init = spec.putArray("initContainers").addObject();
            container(init, "init-config", w.initImage(), false);
            if (w.nativeSidecar()) {
                init.put("restartPolicy", "Always");
            }
        }
        ArrayNode containers = spec.putArray("containers");
        for (int i = 0; i < w.appImages().length; i++) {
            container(containers.addObject(), containerName(w, i), w.appImages()[i], i == 0);
        }
        spec.put("restartPolicy", w.kind() == Kind.CRON_JOB || w.kind() == Kind.JOB ? "OnFailure" : "Always")
                .put("terminationGracePeriodSeconds", 30).put("dnsPolicy", "ClusterFirst")
                .put("serviceAccountName", w.name()).put("serviceAccount", w.name());
        if (node != null) {
            spec.put("nodeName", node);
        }
        spec.putObject("securityContext").put("runAsNonRoot", true).put("fsGroup", 2000)
                .putObject("seccompProfile").put("type", "RuntimeDefault");
        spec.put("schedulerName", "default-scheduler");
        ArrayNode tolerations = spec.putArray("tolerations");
        tolerations.addObject().put("key", "node.kubernetes.io/not-ready").put("operator", "Exists")
                .put("effect", "NoExecute").put("tolerationSeconds", 300);
        tolerations.addObject().put("key", "node.kubernetes.io/unreachable").put("operator", "Exists")
                .put("effect", "NoExecute").put("tolerationSeconds", 300);
        spec.put("priority", 0).put("enableServiceLinks", true).put("preemptionPolicy", "PreemptLowerPriority");
        spec.putObject("resourceClaimsV3").put("note", "a field from a future API version");
    }

    private void container(ObjectNode c, String name, int image, boolean main) {
        c.put("name", name).put("image", images[image]);
        if (main) {
            c.putArray("ports").addObject().put("name", "http").put("containerPort", 8080).put("protocol", "TCP");
        }
        ArrayNode env = c.putArray("env");
        env.addObject().put("name", "LOG_LEVEL").put("value", "info");
        env.addObject().put("name", "POD_NAME").putObject("valueFrom").putObject("fieldRef")
                .put("apiVersion", "v1").put("fieldPath", "metadata.name");
        env.addObject().put("name", "JAVA_TOOL_OPTIONS").put("value", "-XX:MaxRAMPercentage=75");
        ObjectNode resources = c.putObject("resources");
        resources.putObject("limits").put("memory", "512Mi");
        resources.putObject("requests").put("cpu", "100m").put("memory", "256Mi");
        ArrayNode mounts = c.putArray("volumeMounts");
        mounts.addObject().put("name", "config").put("readOnly", true).put("mountPath", "/etc/app");
        mounts.addObject().put("name", "kube-api-access").put("readOnly", true)
                .put("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount");
        if (main) {
            c.putObject("readinessProbe").put("periodSeconds", 10).put("timeoutSeconds", 1).put("successThreshold", 1)
                    .put("failureThreshold", 3).putObject("httpGet").put("path", "/ready").put("port", "http")
                    .put("scheme", "HTTP");
        }
        c.put("terminationMessagePath", "/dev/termination-log").put("terminationMessagePolicy", "File")
                .put("imagePullPolicy", "IfNotPresent");
        c.putObject("securityContext").put("allowPrivilegeEscalation", false).put("readOnlyRootFilesystem", true)
                .putObject("capabilities").putArray("drop").add("ALL");
    }

    private void status(ObjectNode status, Workload w, int podIndex) {
        status.put("phase", "Running");
        ArrayNode conditions = status.putArray("conditions");
        for (String type : new String[] {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady",
                "PodScheduled"}) {
            conditions.addObject().put("type", type).put("status", "True").putNull("lastProbeTime")
                    .put("lastTransitionTime", STARTED);
        }
        String ip = "10." + (podIndex >> 16 & 255) + "." + (podIndex >> 8 & 255) + "." + (podIndex & 255);
        status.put("hostIP", "172.31." + (podIndex / 110 % 256) + ".17");
        status.putArray("hostIPs").addObject().put("ip", "172.31." + (podIndex / 110 % 256) + ".17");
        status.put("podIP", ip);
        status.putArray("podIPs").addObject().put("ip", ip);
        status.put("startTime", STARTED);
        if (w.initImage() >= 0) {
            ObjectNode s = containerStatus(status.putArray("initContainerStatuses").addObject(), "init-config",
                    w.initImage(), podIndex);
            if (w.nativeSidecar()) {
                s.putObject("state").putObject("running").put("startedAt", STARTED);
                s.put("ready", true).put("started", true);
            } else {
                s.putObject("state").putObject("terminated").put("exitCode", 0).put("reason", "Completed")
                        .put("startedAt", STARTED).put("finishedAt", STARTED)
                        .put("containerID", "containerd://" + sha256("cid-init-" + podIndex));
                s.put("ready", true).put("started", false);
            }
        }
        ArrayNode statuses = status.putArray("containerStatuses");
        for (int i = 0; i < w.appImages().length; i++) {
            ObjectNode s = containerStatus(statuses.addObject(), containerName(w, i), w.appImages()[i], podIndex);
            s.putObject("state").putObject("running").put("startedAt", STARTED);
            s.put("ready", true).put("started", true);
            s.putObject("volumeMountsV2Status").put("count", 2); // unknown to every client model
        }
        status.put("qosClass", "Burstable");
    }

    private ObjectNode containerStatus(ObjectNode s, String name, int image, int podIndex) {
        s.put("name", name).putObject("lastState");
        return s.put("restartCount", podIndex % 17 == 0 ? 1 : 0)
                .put("image", resolved[image]).put("imageID", imageIds[image])
                .put("containerID", "containerd://" + sha256("cid-" + name + "-" + podIndex));
    }

    private static String containerName(Workload w, int i) {
        return i == 0 ? WORDS[w.index() % WORDS.length] : i == 1 ? "istio-proxy" : "log-shipper";
    }

    // --- helpers ---

    private static Iterable<byte[]> lazy(int size, IntFunction<byte[]> element) {
        return () -> new Iterator<>() {
            private int next;
            private byte[] ahead = advance();

            private byte[] advance() {
                while (next < size) {
                    byte[] value = element.apply(next++);
                    if (value != null) {
                        return value;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return ahead != null;
            }

            @Override
            public byte[] next() {
                if (ahead == null) {
                    throw new NoSuchElementException();
                }
                byte[] value = ahead;
                ahead = advance();
                return value;
            }
        };
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uid(String what, int index) {
        return UUID.nameUUIDFromBytes((what + "-" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@code length} characters of [a-z0-9] derived from {@code n}, as Kubernetes name suffixes look. */
    private static String hash(int n, int length) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        long x = n * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            x ^= x >>> 29;
            x *= 0xBF58476D1CE4E5B9L;
            out.append(alphabet.charAt((int) Long.remainderUnsigned(x, alphabet.length())));
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
