package dev.imagecensus.enricher.registry;

import dev.imagecensus.enricher.classify.PlatformChooser;
import dev.imagecensus.enricher.classify.PlatformSpec;
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

        /**
         * The entry to inspect for {@code requested} (null: linux/amd64) and every platform offered, by the
         * classifier's {@link PlatformChooser} (attestation manifests dropped).
         */
        public PlatformChooser.Choice choose(PlatformSpec requested) {
            return PlatformChooser.choose(manifests.stream().map(Descriptor::asIndexEntry).toList(), requested);
        }

        /** Every platform the image offers, attestations dropped, in index order, as {@code os/arch[/variant]}. */
        public List<String> platforms() {
            return choose(null).platforms();
        }
    }

    /** An OCI image manifest or a Docker schema 2 manifest. */
    record Image(String mediaType, String digest, long size, Descriptor config, List<Descriptor> layers) implements Manifest {
        public Image {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(config, "config");
            layers = List.copyOf(layers);
        }

        /** The compressed size of all layers, as the manifest states it. */
        public long layerBytes() {
            return layers.stream().mapToLong(Descriptor::size).sum();
        }
    }
}
