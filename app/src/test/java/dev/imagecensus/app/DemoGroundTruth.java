package dev.imagecensus.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagecensus.app.demo.DemoCluster;
import dev.imagecensus.app.demo.DemoImages;
import dev.imagecensus.fakeapi.ResourceKind;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** What {@code local --demo} must report, counted independently from the objects of an identically seeded cluster. */
final class DemoGroundTruth {

    private DemoGroundTruth() {
    }

    /** Containers (init and app) per canonical image over the pods that count (not Succeeded or Failed). */
    static Map<String, Integer> containersPerImage(DemoImages images) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (DemoCluster cluster = DemoCluster.start(images, Duration.ZERO)) {
            for (JsonNode pod : cluster.cluster().list(ResourceKind.POD)) {
                String phase = pod.path("status").path("phase").asText();
                if (phase.equals("Succeeded") || phase.equals("Failed")) {
                    continue;
                }
                for (String field : new String[] {"initContainers", "containers"}) {
                    for (JsonNode container : pod.path("spec").path(field)) {
                        if (ImageReference.tryParse(container.path("image").asText())
                                instanceof ReferenceParseResult.Valid valid) {
                            counts.merge(valid.reference().canonical(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return counts;
    }
}
