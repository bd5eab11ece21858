package dev.imagecensus.aggregator.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.imagecensus.aggregator.MissingTagPolicy;
import dev.imagecensus.aggregator.domain.ImageFacets;
import dev.imagecensus.schemas.reference.ImageReference;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The inventory in the JSON shape of Anchore's KAI ({@code kai} / {@code anchore-k8s-inventory}), so tools that
 * read KAI reports read ours: images per namespace as {@code {tag, repoDigest}}, {@code cluster_name},
 * {@code inventory_type}. {@code tag} is {@code repo:tag} in Docker's short form; {@code repoDigest} is each digest
 * the runtime reported for the image (the registry's digest before any is reported). Digest-only references
 * follow KAI's {@link MissingTagPolicy}.
 */
public final class KaiInventory {

    /** KAI's report. */
    public record Report(String timestamp, List<Namespace> results, @JsonProperty("cluster_name") String clusterName,
                         @JsonProperty("inventory_type") String inventoryType) {
    }

    /** The images of one namespace. */
    public record Namespace(String namespace, List<Image> images) {
    }

    /** One image as KAI reports it. */
    public record Image(String tag, String repoDigest) implements Comparable<Image> {
        @Override
        public int compareTo(Image other) {
            int byTag = tag.compareTo(other.tag);
            return byTag != 0 ? byTag : repoDigest.compareTo(other.repoDigest);
        }
    }

    private KaiInventory() {
    }

    /**
     * The report of {@code images} at {@code now}, namespaces and images sorted.
     *
     * @param missingTag the dummy tag of {@link MissingTagPolicy#INSERT}
     */
    public static Report report(Collection<ImageView> images, String clusterName, MissingTagPolicy policy,
                                String missingTag, Instant now) {
        Map<String, SortedSet<Image>> byNamespace = new TreeMap<>();
        for (ImageView view : images) {
            Optional<String> tag = tag(view, policy, missingTag);
            if (tag.isEmpty()) {
                continue;
            }
            for (String digest : digests(view)) {
                for (String namespace : view.namespaces().keySet()) {
                    byNamespace.computeIfAbsent(namespace, n -> new TreeSet<>()).add(new Image(tag.get(), digest));
                }
            }
        }
        List<Namespace> results = new ArrayList<>();
        byNamespace.forEach((namespace, list) -> results.add(new Namespace(namespace, List.copyOf(list))));
        return new Report(now.truncatedTo(ChronoUnit.SECONDS).toString(), results, clusterName, "kubernetes");
    }

    /** {@code repo:tag}; for a digest-only reference what the policy says, empty when it drops the image. */
    static Optional<String> tag(ImageView view, MissingTagPolicy policy, String missingTag) {
        String repository = shortName(view.image());
        if (view.tag() != null) {
            return Optional.of(repository + ":" + view.tag());
        }
        return switch (policy) {
            case DIGEST -> Optional.of(repository + ":" + hex(view.referenceDigest() != null ? view.referenceDigest() : view.digest()));
            case INSERT -> Optional.of(repository + ":" + missingTag);
            case DROP -> Optional.empty();
        };
    }

    /** The digests to report: those running, else the best known one, else empty. */
    private static List<String> digests(ImageView view) {
        if (!view.runningDigests().isEmpty()) {
            return List.copyOf(view.runningDigests().keySet());
        }
        return List.of(view.digest() == null ? "" : view.digest());
    }

    /** The repository in Docker's short form, without tag or digest: {@code nginx}, {@code ghcr.io/org/app}. */
    static String shortName(String image) {
        return ImageFacets.reference(image)
                .map(ref -> ImageReference.parse(ref.name() + ":x").familiar())
                .map(familiar -> familiar.substring(0, familiar.length() - 2))
                .orElse(image);
    }

    private static String hex(String digest) {
        if (digest == null || digest.isEmpty()) {
            return "UNKNOWN";
        }
        int colon = digest.indexOf(':');
        return colon < 0 ? digest : digest.substring(colon + 1);
    }
}
