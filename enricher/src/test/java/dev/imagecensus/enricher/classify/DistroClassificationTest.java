package dev.imagecensus.enricher.classify;

import static dev.imagecensus.enricher.classify.Layers.layer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.DistroStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Distro detection over merged layers, one row per image shape. */
class DistroClassificationTest {

    static Stream<Arguments> images() {
        return Stream.of(
                row("alpine, etc/os-release -> ../usr/lib/os-release",
                        List.of(layer().symlink("etc/os-release", "../usr/lib/os-release")
                                .file("usr/lib/os-release", Images.ALPINE).file("etc/alpine-release", "3.20.3\n")
                                .file("bin/busybox", GoBinaries.busybox("1.36.1")).build()),
                        DistroStatus.DETECTED,
                        new DistroInfo("alpine", "3.20.3", "Alpine Linux v3.20", "alpine", null, "etc/os-release")),
                row("debian", List.of(layer().file("etc/os-release", Images.DEBIAN).file("etc/debian_version", "12.7\n").build()),
                        DistroStatus.DETECTED,
                        new DistroInfo("debian", "12", "Debian GNU/Linux 12 (bookworm)", "debian", null, "etc/os-release")),
                row("ubuntu (family from ID_LIKE)",
                        List.of(layer().symlink("etc/os-release", "../usr/lib/os-release").file("usr/lib/os-release", Images.UBUNTU).build()),
                        DistroStatus.DETECTED,
                        new DistroInfo("ubuntu", "24.04", "Ubuntu 24.04.1 LTS", "debian", null, "etc/os-release")),
                row("ubi9", List.of(layer().file("etc/os-release", Images.UBI).build()),
                        DistroStatus.DETECTED,
                        new DistroInfo("rhel", "9.4", "Red Hat Enterprise Linux 9.4 (Plow)", "fedora", null, "etc/os-release")),
                row("gcr distroless", List.of(layer().file("etc/os-release", Images.DISTROLESS).build()),
                        DistroStatus.DETECTED,
                        new DistroInfo("debian", "12", "Distroless", "debian", "distroless", "etc/os-release")),
                row("usr/lib/os-release only", List.of(layer().file("usr/lib/os-release", Images.DEBIAN).build()),
                        DistroStatus.DETECTED,
                        new DistroInfo("debian", "12", "Debian GNU/Linux 12 (bookworm)", "debian", null, "usr/lib/os-release")),
                row("busybox only (hard-linked, as the official image)",
                        List.of(layer().file("bin/[", GoBinaries.busybox("1.37.0")).hardlink("bin/busybox", "bin/[").build()),
                        DistroStatus.DETECTED, new DistroInfo("busybox", "1.37.0", "BusyBox v1.37.0", "busybox", null, "bin/busybox")),
                row("scratch with a static binary", List.of(layer().file("app", GoBinaries.modern("go1.23.4")).build()),
                        DistroStatus.SCRATCH, null),
                row("no layers at all", List.of(), DistroStatus.SCRATCH, null),
                row("whiteout of os-release falls back to debian_version",
                        List.of(layer().file("etc/os-release", Images.DEBIAN).file("etc/debian_version", "12.7\n").build(),
                                layer().whiteout("etc/os-release").build()),
                        DistroStatus.DETECTED, new DistroInfo("debian", "12.7", null, "debian", null, "etc/debian_version")),
                row("whiteout of the only identity file gives scratch",
                        List.of(layer().file("etc/os-release", Images.ALPINE).build(), layer().whiteout("etc/os-release").build()),
                        DistroStatus.SCRATCH, null),
                row("opaque etc in an upper layer hides the lower os-release",
                        List.of(layer().file("etc/os-release", Images.DEBIAN).file("usr/lib/os-release", Images.ALPINE).build(),
                                layer().opaque("etc").file("etc/hostname", "x").build()),
                        DistroStatus.DETECTED,
                        new DistroInfo("alpine", "3.20.3", "Alpine Linux v3.20", "alpine", null, "usr/lib/os-release")),
                row("symlink loop falls back to the release file",
                        List.of(layer().symlink("etc/os-release", "os-release2").symlink("etc/os-release2", "os-release")
                                .file("etc/redhat-release", "Red Hat Enterprise Linux release 8.9 (Ootpa)\n").build()),
                        DistroStatus.DETECTED, new DistroInfo("rhel", "8.9", "Red Hat Enterprise Linux release 8.9 (Ootpa)",
                                "fedora", null, "etc/redhat-release")),
                row("lsb-release", List.of(layer().file("etc/lsb-release",
                                "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_DESCRIPTION=\"Ubuntu 22.04.4 LTS\"\n").build()),
                        DistroStatus.DETECTED, new DistroInfo("ubuntu", "22.04", "Ubuntu 22.04.4 LTS", "ubuntu", null, "etc/lsb-release")),
                row("amazon linux system-release",
                        List.of(layer().file("etc/system-release", "Amazon Linux release 2 (Karoo)\n").build()),
                        DistroStatus.DETECTED, new DistroInfo("amzn", "2", "Amazon Linux release 2 (Karoo)", "centos", null,
                                "etc/system-release")),
                row("alpine-release only", List.of(layer().file("etc/alpine-release", "3.19.1\n").build()),
                        DistroStatus.DETECTED, new DistroInfo("alpine", "3.19.1", null, "alpine", null, "etc/alpine-release")),
                row("partial scan is unknown, never scratch",
                        List.of(layer().file("app", GoBinaries.plainElf()).partial("layer bytes over 512 MiB").build()),
                        DistroStatus.UNKNOWN, null),
                row("partial scan is unknown even when os-release was seen",
                        List.of(layer().file("etc/os-release", Images.DEBIAN).build(),
                                layer().partial("decompression ratio over 100").build()),
                        DistroStatus.UNKNOWN, null));
    }

    private static Arguments row(String name, List<LayerFacts> layers, DistroStatus status, DistroInfo distro) {
        return Arguments.of(name, layers, status, distro);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void shouldDetectDistroWhenLayersAreMerged(String name, List<LayerFacts> layers, DistroStatus status,
                                               DistroInfo distro) {
        // Given
        ClassificationInput input = Images.image("registry.example/team/app:1.0").layers(layers).build();

        // When
        Classification result = Classifier.classify(input);

        // Then
        assertThat(result.distroStatus()).isEqualTo(status);
        assertThat(result.distro()).isEqualTo(distro);
        assertThat(result.partial()).isEqualTo(status == DistroStatus.UNKNOWN);
    }
}
