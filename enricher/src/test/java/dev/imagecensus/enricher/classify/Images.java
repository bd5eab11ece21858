package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.Existence;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test fixture: identity files of real distributions and a quick way to classify layers. */
final class Images {

    static final Instant AT = Instant.parse("2025-01-15T10:00:00Z");

    static final String ALPINE = """
            NAME="Alpine Linux"
            ID=alpine
            VERSION_ID=3.20.3
            PRETTY_NAME="Alpine Linux v3.20"
            HOME_URL="https://alpinelinux.org/"
            """;
    static final String DEBIAN = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            """;
    static final String UBUNTU = """
            PRETTY_NAME="Ubuntu 24.04.1 LTS"
            NAME="Ubuntu"
            VERSION_ID="24.04"
            VERSION="24.04.1 LTS (Noble Numbat)"
            VERSION_CODENAME=noble
            ID=ubuntu
            ID_LIKE=debian
            """;
    static final String UBI = """
            NAME="Red Hat Enterprise Linux"
            VERSION="9.4 (Plow)"
            ID="rhel"
            ID_LIKE="fedora"
            VERSION_ID="9.4"
            PLATFORM_ID="platform:el9"
            PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"
            """;
    static final String DISTROLESS = """
            PRETTY_NAME="Distroless"
            NAME="Debian GNU/Linux"
            ID="debian"
            VERSION_ID="12"
            VERSION="Debian GNU/Linux 12 (bookworm)"
            HOME_URL="https://github.com/GoogleContainerTools/distroless"
            """;

    private Images() {
    }

    /** An available linux/amd64 image made of {@code layers}. */
    static ClassificationInput.Builder image(String reference, LayerFacts... layers) {
        return ClassificationInput.builder(reference, Existence.AVAILABLE, AT)
                .manifest("sha256:" + "a".repeat(64), "application/vnd.oci.image.manifest.v1+json")
                .platform(PlatformSpec.LINUX_AMD64, List.of("linux/amd64"))
                .config(new ImageConfig("linux", "amd64", null, Map.of(), List.of("PATH=/usr/bin")))
                .layers(List.of(layers));
    }

    static Classification classify(LayerFacts... layers) {
        return Classifier.classify(image("registry.example/team/app:1.0", layers).build());
    }
}
