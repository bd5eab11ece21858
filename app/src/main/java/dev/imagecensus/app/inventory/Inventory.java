package dev.imagecensus.app.inventory;

import java.util.List;

/**
 * The report: where it came from, every container, every image.
 *
 * @param source   the aggregator's URL, or the cluster listed ({@code kubeconfig <path> context <name>})
 * @param classified whether images were classified (always with an aggregator, with {@code --classify} one-shot)
 */
public record Inventory(String source, boolean classified, List<ContainerRow> containers, List<ImageRow> images) {

    public Inventory {
        containers = List.copyOf(containers);
        images = List.copyOf(images);
    }
}
