package dev.imagecensus.aggregator.domain;

/** Test data: live containers. */
final class Containers {

    private Containers() {
    }

    static LiveContainer of(String namespace, String pod, String container, String imageRef, String digest) {
        return new LiveContainer("prod", namespace, pod, "uid-" + pod, container, "APP", imageRef, imageRef, digest,
                "Running", "Deployment", "web", 1_000L);
    }

    static ClassifiedContainer classified(String pod, String container, String imageRef, Fips fips) {
        return new ClassifiedContainer(of("default", pod, container, imageRef, null), true, "AVAILABLE", fips);
    }

    static ClassifiedContainer unclassified(String pod, String container, String imageRef) {
        return new ClassifiedContainer(of("default", pod, container, imageRef, null), false, null, null);
    }
}
