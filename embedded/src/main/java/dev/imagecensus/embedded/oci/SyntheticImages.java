package dev.imagecensus.embedded.oci;

import static dev.imagecensus.embedded.oci.SyntheticLayers.*;

import dev.imagecensus.embedded.oci.ImageAssembler.Built;
import dev.imagecensus.embedded.oci.ImageAssembler.Format;
import dev.imagecensus.embedded.oci.ImageAssembler.IndexEntry;
import dev.imagecensus.schemas.avro.FipsStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of synthetic images tests, {@code local --demo-registry} and benchmarks push: one per case the
 * classifier must tell apart, each with its {@link Expected} answer. Built in memory with fixed bytes, so
 * digests are the same on every run.
 */
public final class SyntheticImages {

    public static final String TAG = "1";
    private static final List<String> PATH_ENV = List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

    private SyntheticImages() {
    }

    /** Every image of the catalogue (the deleted one included), in a stable order. */
    public static List<SyntheticImage> all() {
        return Catalogue.ALL;
    }

    /** The catalogue image called {@code name} ({@code alpine}, {@code multiarch}, ...). */
    public static SyntheticImage named(String name) {
        return Catalogue.ALL.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no synthetic image " + name));
    }

    /**
     * A debian-based image unique to {@code n} ({@code bench/app-<n>}): shares the debian base layer with every
     * other, adds one small layer of its own. For benchmarks of many distinct images.
     */
    public static SyntheticImage unique(int n) {
        String name = "app-" + n;
        return single(name, "bench/" + name, Format.OCI, List.of(DEBIAN_BASE, SyntheticLayers.unique(name)),
                Map.of(), Expected.distro("debian", "12"));
    }

    // Built once, on first use.
    private static final class Catalogue {
        static final List<SyntheticImage> ALL = List.of(
                single("alpine", Format.OCI, ALPINE_BASE, Expected.distro("alpine", "3.20.3")),
                single("debian", Format.DOCKER, DEBIAN_BASE, Expected.distro("debian", "12")),
                single("debian-app", "synthetic/debian-app", Format.DOCKER, List.of(DEBIAN_BASE, DEBIAN_APP), Map.of(),
                        Expected.distro("debian", "12")),
                single("ubuntu", Format.OCI, UBUNTU_BASE, Expected.distro("ubuntu", "24.04")),
                single("ubi-fips", "synthetic/ubi-fips", Format.OCI, List.of(UBI_BASE, UBI_FIPS_MODULE),
                        Map.of("com.redhat.component", "ubi9-container"),
                        Expected.distro("rhel", "9.4").withFips(FipsStatus.CAPABLE)),
                single("openssl-fips", "synthetic/openssl-fips", Format.OCI,
                        List.of(UBI_BASE, UBI_FIPS_MODULE, OPENSSL_FIPS_CONFIG), Map.of(),
                        Expected.distro("rhel", "9.4").withFips(FipsStatus.ENFORCED)),
                single("distroless", Format.OCI, DISTROLESS_BASE,
                        Expected.distro("debian", "12").withVariant("distroless")),
                single("busybox", Format.OCI, BUSYBOX_ONLY, Expected.distro("busybox", BUSYBOX_VERSION)),
                single("scratch", Format.OCI, SCRATCH_APP, Expected.scratch()),
                single("zstd", Format.OCI, ALPINE_TAR.build(LayerCompression.ZSTD), Expected.distro("alpine", "3.20.3")),
                single("whiteout", "synthetic/whiteout", Format.OCI, List.of(DEBIAN_BASE, WHITEOUT_OS_RELEASE), Map.of(),
                        Expected.distro("debian", "12.7")),
                single("go-fips", Format.OCI, GO_FIPS_APP, Expected.scratch().withFips(FipsStatus.ENFORCED)),
                single("app-fips", Format.OCI, ALPINE_BASE,
                        Expected.distro("alpine", "3.20.3").withFips(FipsStatus.CLAIMED)),
                multiArch(),
                dockerList(),
                deleted());
    }

    private static SyntheticImage single(String name, Format format, Layer layer, Expected expected) {
        return single(name, "synthetic/" + name, format, List.of(layer), Map.of(), expected);
    }

    private static SyntheticImage single(String name, String repository, Format format, List<Layer> layers,
                                         Map<String, String> labels, Expected expected) {
        Built built = ImageAssembler.image(format, ImagePlatform.LINUX_AMD64, layers, PATH_ENV, labels);
        return new SyntheticImage(name, repository, TAG, built.manifest(), List.of(), built.blobs(), expected, false);
    }

    /** OCI index: linux/amd64 and linux/arm64/v8, plus BuildKit's attestation manifest (unknown/unknown). */
    private static SyntheticImage multiArch() {
        Built amd64 = ImageAssembler.image(Format.OCI, ImagePlatform.LINUX_AMD64, List.of(ALPINE_BASE), PATH_ENV, Map.of());
        Built arm64 = ImageAssembler.image(Format.OCI, ImagePlatform.LINUX_ARM64_V8, List.of(ALPINE_BASE), PATH_ENV, Map.of());
        Built attestation = ImageAssembler.attestation(amd64.manifest());
        Blob index = ImageAssembler.index(Format.OCI, List.of(
                new IndexEntry(amd64.manifest(), ImagePlatform.LINUX_AMD64, null),
                new IndexEntry(arm64.manifest(), ImagePlatform.LINUX_ARM64_V8, null),
                new IndexEntry(attestation.manifest(), ImagePlatform.UNKNOWN, Map.of(
                        "vnd.docker.reference.digest", amd64.manifest().digest(),
                        "vnd.docker.reference.type", "attestation-manifest"))));
        return new SyntheticImage("multiarch", "synthetic/multiarch", TAG, index,
                List.of(amd64.manifest(), arm64.manifest(), attestation.manifest()),
                concat(amd64.blobs(), arm64.blobs(), attestation.blobs()),
                Expected.distro("alpine", "3.20.3").withPlatforms(List.of("linux/amd64", "linux/arm64/v8")), false);
    }

    /** Docker manifest list of two Docker schema 2 manifests: linux/amd64 and linux/arm/v7. */
    private static SyntheticImage dockerList() {
        Built amd64 = ImageAssembler.image(Format.DOCKER, ImagePlatform.LINUX_AMD64, List.of(DEBIAN_BASE), PATH_ENV, Map.of());
        Built arm = ImageAssembler.image(Format.DOCKER, ImagePlatform.LINUX_ARM_V7, List.of(DEBIAN_BASE), PATH_ENV, Map.of());
        Blob list = ImageAssembler.index(Format.DOCKER, List.of(
                new IndexEntry(amd64.manifest(), ImagePlatform.LINUX_AMD64, null),
                new IndexEntry(arm.manifest(), ImagePlatform.LINUX_ARM_V7, null)));
        return new SyntheticImage("docker-list", "synthetic/docker-list", TAG, list,
                List.of(amd64.manifest(), arm.manifest()), concat(amd64.blobs(), arm.blobs()),
                Expected.distro("debian", "12").withPlatforms(List.of("linux/amd64", "linux/arm/v7")), false);
    }

    /** Pushed, then its manifest deleted: the tag answers 404 (ABSENT). */
    private static SyntheticImage deleted() {
        Built built = ImageAssembler.image(Format.OCI, ImagePlatform.LINUX_AMD64,
                List.of(SyntheticLayers.unique("deleted")), PATH_ENV, Map.of());
        return new SyntheticImage("deleted", "synthetic/deleted", TAG, built.manifest(), List.of(), built.blobs(),
                Expected.absent(), true);
    }

    @SafeVarargs
    private static List<Blob> concat(List<Blob>... lists) {
        List<Blob> all = new ArrayList<>();
        for (List<Blob> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
