package dev.imagecensus.aggregator;

import dev.imagecensus.aggregator.domain.Classification;
import dev.imagecensus.aggregator.domain.ImageStatus;
import dev.imagecensus.aggregator.domain.Fips;
import dev.imagecensus.aggregator.domain.ImageState;
import dev.imagecensus.aggregator.domain.ImageUsage;
import dev.imagecensus.aggregator.domain.LiveContainer;
import dev.imagecensus.aggregator.domain.PodState;
import dev.imagecensus.aggregator.domain.WorkloadState;
import dev.imagecensus.schemas.reference.ImageReference;
import java.util.Map;
import java.util.TreeMap;

/** Test data for the metrics and HTTP layers: domain values as the topology hands them over. */
public final class Samples {

    public static final long T0 = 1_795_000_000_000L;
    public static final String DIGEST = "sha256:" + "a".repeat(64);

    private Samples() {
    }

    public static String ref(String image) {
        return ImageReference.parse(image).canonical();
    }

    /** An image used by {@code containers} containers in the given namespaces (namespace → count). */
    public static ImageState image(String image, Map<String, Integer> namespaces, Classification classification) {
        ImageUsage usage = ImageUsage.NONE;
        for (Map.Entry<String, Integer> ns : namespaces.entrySet()) {
            for (int i = 0; i < ns.getValue(); i++) {
                usage = usage.plus(container(ns.getKey(), "pod-" + ns.getKey() + "-" + i, "app", ref(image), DIGEST));
            }
        }
        return new ImageState(usage, classification);
    }

    public static ImageState image(String image, int containers, Classification classification) {
        return image(image, Map.of("default", containers), classification);
    }

    /** A classification of a detected Linux distro. */
    public static Classification classified(String image, String distro, String version, Fips fips, String existence) {
        return new Classification(ref(image), existence, T0, DIGEST, "linux", "amd64", "DETECTED", distro, version,
                distro + " " + version, fips, fips.enabled() ? "CAPABLE fips-provider usr/lib/ossl-modules/fips.so" : null,
                false, T0);
    }

    public static LiveContainer container(String namespace, String pod, String name, String imageRef, String digest) {
        return new LiveContainer("prod", namespace, pod, "uid-" + pod, name, "APP", imageRef, imageRef, digest, "Running",
                "Deployment", "web", T0);
    }

    /** A pod of a workload; each container runs {@code images[i]} with the given FIPS and existence (null = unclassified). */
    public static PodState pod(String namespace, String pod, String kind, String owner, String image, Fips fips,
                               String existence) {
        LiveContainer c = new LiveContainer("prod", namespace, pod, "uid-" + pod, "app", "APP", image, ref(image),
                DIGEST, "Running", kind, owner, T0);
        return PodState.NONE.plus(c, existence == null ? null : new ImageStatus(existence, fips));
    }

    public static WorkloadState workload(PodState... pods) {
        WorkloadState state = WorkloadState.NONE;
        for (PodState pod : pods) {
            state = state.plus(pod);
        }
        return state;
    }

    /** Namespace counts as a sorted map. */
    public static Map<String, Integer> namespaces(Object... nameCount) {
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < nameCount.length; i += 2) {
            out.put((String) nameCount[i], (Integer) nameCount[i + 1]);
        }
        return out;
    }
}
