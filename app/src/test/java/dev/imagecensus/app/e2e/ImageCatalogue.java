package dev.imagecensus.app.e2e;

import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.Expected;
import dev.imagecensus.embedded.oci.ImagePusher;
import dev.imagecensus.embedded.oci.SyntheticImage;
import dev.imagecensus.embedded.oci.SyntheticImages;
import dev.imagecensus.schemas.avro.Existence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The image references the e2e clusters run, each with the answer a correct pipeline must reach: every
 * {@link SyntheticImages} kind, {@code bench/app-<n>} images, a deleted tag, a repository never pushed, a tag never
 * pushed, and an invalid reference. References are written in canonical form ({@code host:port/repo:tag}), so the
 * reference in a pod is already the key the pipeline reports it under.
 */
final class ImageCatalogue {

    /** What a reference should be classified as, and the digest a runtime would report for it (null: not pullable). */
    record Entry(String reference, Expected expected, String digest) {
    }

    static final String INVALID = "Bad Image Name:latest";
    static final int UNIQUE_IMAGES = 24;

    private final String host;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private ImageCatalogue(String host) {
        this.host = host;
        for (SyntheticImage image : SyntheticImages.all()) {
            add(image);
        }
        IntStream.range(0, UNIQUE_IMAGES).mapToObj(SyntheticImages::unique).forEach(this::add);
        String missingRepo = host + "/synthetic/never-pushed:1";
        String missingTag = host + "/synthetic/alpine:missing";
        entries.put(missingRepo, new Entry(missingRepo, Expected.absent(), null));
        entries.put(missingTag, new Entry(missingTag, Expected.absent(), null));
    }

    /** The catalogue for images in {@code registry}; pushes the {@code bench/app-<n>} images (idempotent). */
    static ImageCatalogue in(DockerRegistryProcess registry) {
        ImagePusher pusher = ImagePusher.to(registry);
        IntStream.range(0, UNIQUE_IMAGES).mapToObj(SyntheticImages::unique).forEach(pusher::push);
        return new ImageCatalogue(registry.host());
    }

    private void add(SyntheticImage image) {
        String ref = image.reference(host);
        boolean available = image.expected().existence() == Existence.AVAILABLE;
        entries.put(ref, new Entry(ref, image.expected(), available ? image.digest() : null));
    }

    /** {@code host:port/synthetic/<name>:1} of a catalogue image. */
    String synthetic(String name) {
        return SyntheticImages.named(name).reference(host);
    }

    /** {@code host:port/bench/app-<n>:1}. */
    String unique(int n) {
        if (n >= UNIQUE_IMAGES) {
            throw new IllegalArgumentException("only " + UNIQUE_IMAGES + " unique images are pushed");
        }
        return SyntheticImages.unique(n).reference(host);
    }

    String missingRepository() {
        return host + "/synthetic/never-pushed:1";
    }

    String missingTag() {
        return host + "/synthetic/alpine:missing";
    }

    /** The entry of a valid reference; empty for the invalid one. */
    Optional<Entry> entry(String reference) {
        Entry entry = entries.get(reference);
        if (entry == null && !reference.equals(INVALID)) {
            throw new IllegalArgumentException("not in the catalogue: " + reference);
        }
        return Optional.ofNullable(entry);
    }

    boolean pullable(String reference) {
        return entry(reference).map(e -> e.digest() != null).orElse(false);
    }

    /** What containerd reports as {@code imageID} once the image is pulled. */
    Optional<String> runningImageId(String reference) {
        return entry(reference).filter(e -> e.digest() != null)
                .map(e -> e.reference().substring(0, e.reference().lastIndexOf(':')) + "@" + e.digest());
    }

    /** Every kind of synthetic image, by catalogue name. */
    static List<String> kinds() {
        return SyntheticImages.all().stream().map(SyntheticImage::name).toList();
    }
}
