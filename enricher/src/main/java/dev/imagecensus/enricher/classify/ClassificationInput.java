package dev.imagecensus.enricher.classify;

import dev.imagecensus.schemas.avro.Existence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the registry client learned about one reference, as plain values.
 *
 * @param reference          canonical image reference (the key)
 * @param existence          the existence answer ({@link ExistenceMapper})
 * @param error              the registry's answer or error when the image could not be inspected, else null
 * @param existenceCheckedAt when existence was checked
 * @param classifiedAt       when this classification was made
 * @param manifestDigest     the digest the reference resolved to (the index digest for multi-platform images)
 * @param mediaType          the media type of that manifest
 * @param platform           the platform inspected ({@link PlatformChooser}), null when none
 * @param platforms          every platform offered, as {@code os/arch[/variant]}
 * @param config             the image config; {@link ImageConfig#unknown()} when not fetched
 * @param layers             the facts of each layer read, base layer first
 * @param layerCount         the number of layers in the manifest
 * @param compressedBytes    total compressed layer size from the manifest, null when unknown
 * @param partial            true when a bound (size, ratio, time) stopped the inspection
 * @param partialReason      why, when partial
 */
public record ClassificationInput(String reference, Existence existence, String error, Instant existenceCheckedAt,
                                  Instant classifiedAt, String manifestDigest, String mediaType,
                                  PlatformSpec platform, List<String> platforms, ImageConfig config,
                                  List<LayerFacts> layers, int layerCount, Long compressedBytes, boolean partial,
                                  String partialReason) {

    public ClassificationInput {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(existence, "existence");
        Objects.requireNonNull(existenceCheckedAt, "existenceCheckedAt");
        Objects.requireNonNull(classifiedAt, "classifiedAt");
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        config = config == null ? ImageConfig.unknown() : config;
        layers = layers == null ? List.of() : List.copyOf(layers);
        if (partial && partialReason == null) {
            partialReason = "partial scan (no reason given)";
        }
    }

    /** A builder for {@code reference}, inspected and classified at {@code at}. */
    public static Builder builder(String reference, Existence existence, Instant at) {
        return new Builder(reference, existence, at);
    }

    /** Builds a {@link ClassificationInput}; the layer count defaults to the number of layer facts. */
    public static final class Builder {
        private final String reference;
        private final Existence existence;
        private Instant existenceCheckedAt;
        private Instant classifiedAt;
        private String error;
        private String manifestDigest;
        private String mediaType;
        private PlatformSpec platform;
        private List<String> platforms = List.of();
        private ImageConfig config = ImageConfig.unknown();
        private List<LayerFacts> layers = List.of();
        private Integer layerCount;
        private Long compressedBytes;
        private boolean partial;
        private String partialReason;

        private Builder(String reference, Existence existence, Instant at) {
            this.reference = reference;
            this.existence = existence;
            this.existenceCheckedAt = at;
            this.classifiedAt = at;
        }

        public Builder error(String value) {
            this.error = value;
            return this;
        }

        public Builder existenceCheckedAt(Instant value) {
            this.existenceCheckedAt = value;
            return this;
        }

        public Builder manifest(String digest, String type) {
            this.manifestDigest = digest;
            this.mediaType = type;
            return this;
        }

        public Builder platform(PlatformSpec value, List<String> all) {
            this.platform = value;
            this.platforms = all;
            return this;
        }

        public Builder config(ImageConfig value) {
            this.config = value;
            return this;
        }

        public Builder layers(List<LayerFacts> value) {
            this.layers = value;
            return this;
        }

        public Builder layerCount(int value) {
            this.layerCount = value;
            return this;
        }

        public Builder compressedBytes(Long value) {
            this.compressedBytes = value;
            return this;
        }

        public Builder partial(String reason) {
            this.partial = true;
            this.partialReason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        public ClassificationInput build() {
            return new ClassificationInput(reference, existence, error, existenceCheckedAt, classifiedAt,
                    manifestDigest, mediaType, platform, platforms, config, layers,
                    layerCount == null ? layers.size() : layerCount, compressedBytes, partial, partialReason);
        }
    }
}
