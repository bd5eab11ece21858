package dev.imagecensus.app.inventory;

import dev.imagecensus.aggregator.MissingTagPolicy;
import dev.imagecensus.schemas.reference.ImageReference;
import java.util.Objects;
import java.util.Optional;

/**
 * How an image is named in the report, KAI's way: {@code repo:tag} in Docker's short form ({@code nginx:1.27},
 * {@code ghcr.io/org/app:1}); a digest-only reference follows KAI's {@link MissingTagPolicy} (the digest's hex as
 * tag, a dummy tag, or left out).
 */
public record TagPolicy(MissingTagPolicy policy, String missingTag) {

    /** KAI's default: the digest's hex as the tag. */
    public static final TagPolicy KAI_DEFAULT = new TagPolicy(MissingTagPolicy.DIGEST, "UNKNOWN");

    public TagPolicy {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(missingTag, "missingTag");
    }

    /** The name to print; empty when the policy leaves the image out. */
    public Optional<String> name(ImageReference reference) {
        String repository = shortRepository(reference);
        if (reference.tag().isPresent()) {
            return Optional.of(repository + ":" + reference.tag().get());
        }
        return switch (policy) {
            case DIGEST -> Optional.of(repository + ":" + hex(reference.digest().orElse("")));
            case INSERT -> Optional.of(repository + ":" + missingTag);
            case DROP -> Optional.empty();
        };
    }

    /** The repository without tag or digest, as Docker abbreviates it ({@code nginx}, {@code org/app}). */
    static String shortRepository(ImageReference reference) {
        String familiar = ImageReference.parse(reference.name() + ":x").familiar();
        return familiar.substring(0, familiar.length() - 2);
    }

    private static String hex(String digest) {
        int colon = digest.indexOf(':');
        return digest.isEmpty() ? "UNKNOWN" : digest.substring(colon + 1);
    }
}
