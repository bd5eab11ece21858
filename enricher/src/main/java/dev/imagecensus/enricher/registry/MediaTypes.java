package dev.imagecensus.enricher.registry;

import java.util.Locale;
import java.util.Set;

/** Manifest media types of the OCI image spec and Docker's schema 2, and the Accept list that asks for all. */
public final class MediaTypes {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
    public static final String DOCKER_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /**
     * Every manifest type we read, in preference order. Registry 2.8 answers 404 for an OCI manifest and 400 for
     * a Docker one when the Accept header does not name its type, so all four are always sent.
     */
    public static final String ACCEPT_MANIFESTS = String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

    private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);
    private static final Set<String> IMAGE_MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);

    private MediaTypes() {
    }

    /** The media type without parameters and in lower case: {@code application/json; charset=utf-8} → {@code application/json}. */
    public static String bare(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isIndex(String mediaType) {
        return INDEXES.contains(bare(mediaType));
    }

    public static boolean isImageManifest(String mediaType) {
        return IMAGE_MANIFESTS.contains(bare(mediaType));
    }

    public static boolean isSchema1(String mediaType) {
        String bare = bare(mediaType);
        return bare.equals(DOCKER_SCHEMA1) || bare.equals(DOCKER_SCHEMA1_SIGNED);
    }
}
