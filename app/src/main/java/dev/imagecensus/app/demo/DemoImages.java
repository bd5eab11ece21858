package dev.imagecensus.app.demo;

import dev.imagecensus.embedded.oci.SyntheticImages;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The images the demo workloads run. Without a demo registry they are public references (docker.io, quay.io,
 * ghcr.io, gcr.io); with one, each is the bundled synthetic image of the same kind pushed there, so the enricher
 * classifies every one offline. The invalid reference stays invalid either way.
 */
public final class DemoImages {

    /** A role an image plays in the demo, with its public reference and the synthetic image standing in for it. */
    public enum Slot {
        WEB("nginx:1.27", "debian-app"),
        CACHE("redis:7.4-alpine", "alpine"),
        CACHE_NEXT("redis:7.2-alpine", "zstd"),
        DB("postgres:16.4", "debian"),
        TOOLS("alpine:3.20", "app-fips"),
        INIT("busybox:1.36", "busybox"),
        PAYMENTS_FIPS("quay.io/demo/payments-fips:2.3", "openssl-fips"),
        AUTH_FIPS("ghcr.io/demo/auth-fips:1.8", "go-fips"),
        UBI("registry.access.redhat.com/ubi9/ubi-minimal:9.4", "ubi-fips"),
        AGENT("fluent/fluent-bit:3.1", "multiarch"),
        METRICS("gcr.io/distroless/static-debian12:nonroot", "distroless"),
        BACKUP("ubuntu:24.04", "ubuntu"),
        LEGACY("docker.io/demo/legacy-report:0.9", "deleted"),
        INVALID("Demo/Invalid Image:latest", null);

        private final String publicReference;
        private final String synthetic;

        Slot(String publicReference, String synthetic) {
            this.publicReference = publicReference;
            this.synthetic = synthetic;
        }

        /** The synthetic image's name in {@link SyntheticImages}, if this slot has one. */
        public Optional<String> synthetic() {
            return Optional.ofNullable(synthetic);
        }
    }

    private final String registryHost;

    private DemoImages(String registryHost) {
        this.registryHost = registryHost;
    }

    /** Public references (classification needs the internet). */
    public static DemoImages publicImages() {
        return new DemoImages(null);
    }

    /** The synthetic images in the registry at {@code host:port} (pushed there by {@link DemoRegistry}). */
    public static DemoImages inRegistry(String hostPort) {
        return new DemoImages(hostPort);
    }

    /** The registry the demo images live in, if they are the synthetic ones. */
    public Optional<String> registryHost() {
        return Optional.ofNullable(registryHost);
    }

    /** The reference a pod of this slot carries. */
    public String reference(Slot slot) {
        if (registryHost == null || slot.synthetic == null) {
            return slot.publicReference;
        }
        return SyntheticImages.named(slot.synthetic).reference(registryHost);
    }

    /** Every slot's reference, in slot order. */
    public List<String> all() {
        return Arrays.stream(Slot.values()).map(this::reference).toList();
    }
}
