package dev.imagecensus.schemas.reference;

import java.util.Optional;

/**
 * Reads the digest out of a pod's {@code status.containerStatuses[].imageID}, whose form depends on the runtime:
 * <ul>
 *   <li>{@code docker.io/library/nginx@sha256:…} (containerd, CRI-O) and {@code docker-pullable://nginx@sha256:…}
 *       (Docker): the repository digest of the manifest that was pulled;</li>
 *   <li>{@code sha256:…} and {@code docker://sha256:…}: the runtime's image ID, which is the config digest, not a
 *       manifest digest, when the image has no repository digest (e.g. built or loaded locally);</li>
 *   <li>a bare 64-hex image ID, read as {@code sha256:…}, like Docker's {@code ParseAnyReference};</li>
 *   <li>empty before the image is pulled.</li>
 * </ul>
 */
public final class ImageIds {

    private ImageIds() {
    }

    /**
     * The digest in an {@code imageID}, e.g. {@code sha256:<64 hex>}; empty when the value is null, blank or holds
     * no well-formed sha256/sha512 digest. Never throws.
     */
    public static Optional<String> digestOf(String imageId) {
        if (imageId == null || imageId.isBlank()) {
            return Optional.empty();
        }
        String id = imageId.strip();
        int scheme = id.indexOf("://");
        if (scheme >= 0) {
            id = id.substring(scheme + 3);
        }
        int at = id.lastIndexOf('@');
        if (at >= 0) {
            id = id.substring(at + 1);
        }
        if (id.length() == 64 && id.indexOf(':') < 0) {
            id = "sha256:" + id;
        }
        return ReferenceGrammar.digestProblem(id) == null ? Optional.of(id) : Optional.empty();
    }
}
