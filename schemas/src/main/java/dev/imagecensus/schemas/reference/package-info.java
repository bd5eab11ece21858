/**
 * Container-image references: {@link dev.imagecensus.schemas.reference.ImageReference} parses and normalises what a
 * pod spec says by the Docker rules and gives the canonical key; {@link dev.imagecensus.schemas.reference.ImageIds}
 * reads the digest a runtime reports. Pure Java, no Kafka or Kubernetes types.
 */
package dev.imagecensus.schemas.reference;
