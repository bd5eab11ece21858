package dev.imagecensus.schemas.reference;

import java.util.Objects;
import java.util.Optional;

/**
 * A container-image reference as written in a pod, parsed and normalised by the Docker rules
 * (github.com/distribution/reference): {@code nginx} is {@code docker.io/library/nginx:latest}.
 *
 * <p>{@link #canonical()} is the identity used as the key of classifications and inventory; two references are
 * equal exactly when their canonical strings are. A tag is kept next to a digest when both are written
 * ({@code name:tag@sha256:…}); the default tag {@code latest} is added only when neither is given, so a digest-only
 * reference stays digest-only, as in Docker.
 *
 * <p>Immutable and thread-safe. Obtain instances through {@link #parse(String)} or {@link #tryParse(String)}.
 */
public final class ImageReference {

    /** The registry of unqualified names; {@code index.docker.io} is folded into it. */
    public static final String DEFAULT_REGISTRY = ReferenceParser.DOCKER_HUB;
    /** The tag of a reference written with neither tag nor digest. */
    public static final String DEFAULT_TAG = ReferenceParser.DEFAULT_TAG;

    private static final String OFFICIAL_PREFIX = "library/";

    private final String registry;
    private final String repository;
    private final String tag;
    private final String digest;

    ImageReference(String registry, String repository, String tag, String digest) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses and normalises a reference.
     *
     * @throws InvalidImageReferenceException when {@code reference} is null, blank or not a valid reference; its
     *                                        reason names what is wrong
     */
    public static ImageReference parse(String reference) {
        ReferenceParseResult result = ReferenceParser.parse(reference);
        if (result instanceof ReferenceParseResult.Invalid invalid) {
            throw new InvalidImageReferenceException(invalid.input(), invalid.reason());
        }
        return ((ReferenceParseResult.Valid) result).reference();
    }

    /** Like {@link #parse(String)}, but returns a bad reference as {@link ReferenceParseResult.Invalid}; never throws. */
    public static ReferenceParseResult tryParse(String reference) {
        return ReferenceParser.parse(reference);
    }

    /** The registry host with optional port, as written (case kept): {@code docker.io}, {@code localhost:5000}. */
    public String registry() {
        return registry;
    }

    /** The repository path without registry: {@code library/nginx}, {@code org/app}. */
    public String repository() {
        return repository;
    }

    /** The tag; {@code latest} when neither tag nor digest was written, empty for a digest-only reference. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** The digest, {@code sha256:<64 hex>} or {@code sha512:<128 hex>}, when one was written. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** Registry and repository without tag or digest: {@code docker.io/library/nginx}. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The fully qualified form, e.g. {@code docker.io/library/nginx:1.27@sha256:…}; the identity key. */
    public String canonical() {
        return name() + suffix();
    }

    /**
     * Docker's short form for humans and log lines: {@code docker.io/} and a single-level {@code library/} are
     * dropped ({@code nginx:1.27}, {@code org/app:1}); other registries stay ({@code ghcr.io/org/app:1}).
     */
    public String familiar() {
        if (!registry.equals(DEFAULT_REGISTRY)) {
            return canonical();
        }
        String path = repository;
        if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
            path = path.substring(OFFICIAL_PREFIX.length());
        }
        return path + suffix();
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ImageReference other
                && registry.equals(other.registry)
                && repository.equals(other.repository)
                && Objects.equals(tag, other.tag)
                && Objects.equals(digest, other.digest));
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, repository, tag, digest);
    }

    /** The {@link #canonical()} form. */
    @Override
    public String toString() {
        return canonical();
    }
}
