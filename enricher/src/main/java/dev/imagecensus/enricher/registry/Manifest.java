package dev.imagecensus.enricher.registry;

import java.util.List;
import java.util.Objects;

/** A parsed manifest: an {@link Index} (OCI index, Docker manifest list) or an {@link Image} manifest. */
public sealed interface Manifest {

    /** The media type (from the document, else the Content-Type header). */
    String mediaType();

    /** The verified digest of the bytes received. */
    String digest();

    /** The size of the bytes received. */
    long size();

    /** An OCI index or a Docker manifest list; entries keep their platforms and annotations. */
    record Index(String mediaType, String digest, long size, List<Descriptor> manifests) implements Manifest {
        public Index {
            Objects.requireNonNull(digest, "digest");
            manifests = List.copyOf(manifests);
        }

        /** The entries that are runnable images: attestation manifests dropped. */
        public List<Descriptor> images() {
            return manifests.stream().filter(d -> !d.isAttestation()).toList();
        }

        /** Every platform the image offers, attestations dropped, in index order. */
        public List<Platform> platforms() {
            return images().stream().map(Descriptor::platform).filter(Objects::nonNull).distinct().toList();
        }
    }

    /** An OCI image manifest or a Docker schema 2 manifest. */
    record Image(String mediaType, String digest, long size, Descriptor config, List<Descriptor> layers) implements Manifest {
        public Image {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(config, "config");
            layers = List.copyOf(layers);
        }
    }
}
