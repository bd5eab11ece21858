/**
 * Pure image classification: what each layer holds ({@link dev.imagecensus.enricher.classify.LayerScanner} →
 * {@link dev.imagecensus.enricher.classify.LayerFacts}, cacheable by layer digest), the merged file tree of the
 * ordered layers ({@link dev.imagecensus.enricher.classify.LayerMerger}), and from it distro, FIPS, platform and
 * existence ({@link dev.imagecensus.enricher.classify.Classifier}). No network, no Kafka: the registry client feeds
 * tar entries in and the stream topology writes the result out.
 */
package dev.imagecensus.enricher.classify;
