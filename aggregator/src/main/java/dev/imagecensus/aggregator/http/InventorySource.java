package dev.imagecensus.aggregator.http;

import java.util.List;
import java.util.Optional;

/**
 * Where the API reads the inventory. {@code localOnly} answers from this instance's own partitions (the answer to a
 * forwarded call); otherwise the answer covers the whole application.
 *
 * @see StoreQueries
 */
public interface InventorySource {

    /** Images in use matching {@code filter}, sorted by reference. @throws QueryUnavailableException if incomplete */
    List<ImageView> images(ImageFilter filter, boolean localOnly);

    /** One image in use by canonical reference. @throws QueryUnavailableException if its owner cannot answer */
    Optional<ImageView> image(String image, boolean localOnly);

    /** Workloads matching {@code filter}, sorted by key. @throws QueryUnavailableException if incomplete */
    List<WorkloadView> workloads(WorkloadFilter filter, boolean localOnly);
}
