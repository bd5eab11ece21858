package dev.imagecensus.enricher.registry;

import java.util.function.Predicate;

/**
 * What {@link ImageInspector} does with each layer of the chosen manifest, bottom layer first. Returning null
 * from {@link #open} skips a layer without downloading a byte (its facts are already cached by digest).
 */
public interface LayerVisitor {

    /** Regular files whose content is handed over in {@link LayerEntry#content()} (normalised paths). */
    Predicate<String> wantsContent();

    /** The handler for {@code layer}, or null to skip it. */
    LayerEntryHandler open(Descriptor layer);

    /** A layer that was opened has been read (complete, stopped or partial), or could not be fetched (null scan). */
    default void closed(Descriptor layer, LayerScan scan) {
    }
}
