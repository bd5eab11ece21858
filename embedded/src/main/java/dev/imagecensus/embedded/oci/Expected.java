package dev.imagecensus.embedded.oci;

import dev.imagecensus.schemas.avro.DistroStatus;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.FipsStatus;
import java.util.List;

/**
 * What a correct enricher must conclude about a synthetic image: the answer key tests compare with.
 *
 * @param distroId      os-release {@code ID} (or {@code busybox}); null unless {@code distroStatus} is DETECTED
 * @param distroVersion the version expected, null when none
 * @param distroVariant {@code distroless} or null
 * @param platforms     every platform offered, attestation manifests dropped, as {@code os/arch[/variant]}
 */
public record Expected(Existence existence, DistroStatus distroStatus, String distroId, String distroVersion,
                       String distroVariant, FipsStatus fips, List<String> platforms) {

    private static final List<String> AMD64 = List.of(ImagePlatform.LINUX_AMD64.toString());

    public Expected {
        platforms = List.copyOf(platforms);
    }

    /** An available linux/amd64 image with a detected distro and no FIPS evidence. */
    public static Expected distro(String id, String version) {
        return new Expected(Existence.AVAILABLE, DistroStatus.DETECTED, id, version, null, FipsStatus.NOT_DETECTED, AMD64);
    }

    /** An available linux/amd64 image without any identity file. */
    public static Expected scratch() {
        return new Expected(Existence.AVAILABLE, DistroStatus.SCRATCH, null, null, null, FipsStatus.NOT_DETECTED, AMD64);
    }

    /** A reference that no longer resolves. */
    public static Expected absent() {
        return new Expected(Existence.ABSENT, DistroStatus.UNKNOWN, null, null, null, FipsStatus.UNKNOWN, List.of());
    }

    public Expected withFips(FipsStatus status) {
        return new Expected(existence, distroStatus, distroId, distroVersion, distroVariant, status, platforms);
    }

    public Expected withVariant(String variant) {
        return new Expected(existence, distroStatus, distroId, distroVersion, variant, fips, platforms);
    }

    public Expected withPlatforms(List<String> offered) {
        return new Expected(existence, distroStatus, distroId, distroVersion, distroVariant, fips, offered);
    }
}
