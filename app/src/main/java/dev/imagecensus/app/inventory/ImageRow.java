package dev.imagecensus.app.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One image of the report, over every container running it.
 *
 * @param containers containers running it (counted over pods)
 * @param namespaces where it runs, sorted
 * @param note       why its classification is incomplete, or why the reference is invalid
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageRow(String image, String reference, String baseOs, String distro, String distroVersion, String fips,
                       String existence, String digest, int containers, List<String> namespaces, String note) {

    public ImageRow {
        namespaces = List.copyOf(namespaces);
    }
}
