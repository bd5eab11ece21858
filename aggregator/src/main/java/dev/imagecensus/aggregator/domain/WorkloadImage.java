package dev.imagecensus.aggregator.domain;

/**
 * One (container name, image) of a workload and how many of its pods run it: the series of the existence
 * exporter's {@code k8s_image_existence_exporter_<kind>_image_exists{namespace,owner_name,container,image}}.
 *
 * @param image     canonical reference, or the reference as written when it is invalid
 * @param existence the image's existence state, null while unclassified
 */
public record WorkloadImage(String container, String image, String existence, Fips fips, int pods) {

    /** Map key within a workload; {@code |} occurs in neither container names nor image references. */
    static String key(String container, String image) {
        return container + "|" + image;
    }
}
