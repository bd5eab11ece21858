package dev.imagecensus.aggregator.domain;

/** Test data: live containers. */
final class Containers {

    private Containers() {
    }

    static LiveContainer of(String namespace, String pod, String container, String imageRef, String digest) {
        return new LiveContainer("prod", namespace, pod, "uid-" + pod, container, "APP", imageRef, imageRef, digest,
                "Running", "Deployment", "web", 1_000L);
    }

    static Classified classified(String pod, String container, String imageRef, Fips fips) {
        return new Classified(of("default", pod, container, imageRef, null), new ImageStatus("AVAILABLE", fips));
    }

    static Classified unclassified(String pod, String container, String imageRef) {
        return new Classified(of("default", pod, container, imageRef, null), null);
    }

    /** A container and its image's status (null: not classified), as the roll-up adds them to a pod. */
    record Classified(LiveContainer container, ImageStatus status) {
        PodState addTo(PodState pod) {
            return pod.plus(container, status);
        }
    }
}
