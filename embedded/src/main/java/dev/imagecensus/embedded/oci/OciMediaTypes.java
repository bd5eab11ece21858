package dev.imagecensus.embedded.oci;

/** Media types of the OCI image spec and Docker's schema 2, as the synthetic images use them. */
public final class OciMediaTypes {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    public static final String OCI_LAYER_GZIP = OCI_LAYER + "+gzip";
    public static final String OCI_LAYER_ZSTD = OCI_LAYER + "+zstd";

    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /** BuildKit's attestation layers (SBOM, provenance). */
    public static final String IN_TOTO = "application/vnd.in-toto+json";

    /** Every manifest type: registry 2.8 answers 404/400 to a GET that does not accept the stored type. */
    public static final String ACCEPT_ALL_MANIFESTS = String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

    private OciMediaTypes() {
    }

    /** True for an OCI index or a Docker manifest list. */
    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
    }
}
