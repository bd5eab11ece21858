package dev.imagecensus.enricher.registry;

import java.time.Duration;

/**
 * Bounds against hostile or broken registries. Hitting one never throws: a manifest or config becomes
 * BAD_IMAGE_FORMAT, a layer read becomes a partial {@link LayerScan} with the reason.
 *
 * @param maxManifestBytes       manifests and indexes (registries themselves cap at 4 MiB)
 * @param maxConfigBytes         config blobs
 * @param maxLayerBytes          uncompressed bytes read from one layer
 * @param maxDecompressionRatio  uncompressed/compressed bytes of a layer, checked once past
 *                               {@code ratioCheckAfterBytes} (a zero-filled gzip bomb reaches 1000:1)
 * @param ratioCheckAfterBytes   uncompressed bytes before the ratio is checked, so tiny layers never trip it
 * @param maxContentBytes        content bytes handed over for one wanted entry
 * @param bodyIdleTimeout        longest wait for the next bytes of a response body (a stalled connection)
 * @param imageTimeout           total time to inspect one image
 */
public record Limits(long maxManifestBytes, long maxConfigBytes, long maxLayerBytes, double maxDecompressionRatio,
                     long ratioCheckAfterBytes, int maxContentBytes, Duration bodyIdleTimeout, Duration imageTimeout) {

    public static Limits defaults() {
        return new Limits(4L << 20, 8L << 20, 2L << 30, 100.0, 16L << 20, 1 << 20,
                Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    public Limits withMaxManifestBytes(long bytes) {
        return new Limits(bytes, maxConfigBytes, maxLayerBytes, maxDecompressionRatio, ratioCheckAfterBytes,
                maxContentBytes, bodyIdleTimeout, imageTimeout);
    }

    public Limits withMaxLayerBytes(long bytes) {
        return new Limits(maxManifestBytes, maxConfigBytes, bytes, maxDecompressionRatio, ratioCheckAfterBytes,
                maxContentBytes, bodyIdleTimeout, imageTimeout);
    }

    public Limits withDecompressionRatio(double ratio, long afterBytes) {
        return new Limits(maxManifestBytes, maxConfigBytes, maxLayerBytes, ratio, afterBytes, maxContentBytes,
                bodyIdleTimeout, imageTimeout);
    }

    public Limits withMaxContentBytes(int bytes) {
        return new Limits(maxManifestBytes, maxConfigBytes, maxLayerBytes, maxDecompressionRatio, ratioCheckAfterBytes,
                bytes, bodyIdleTimeout, imageTimeout);
    }

    public Limits withTimeouts(Duration bodyIdle, Duration image) {
        return new Limits(maxManifestBytes, maxConfigBytes, maxLayerBytes, maxDecompressionRatio, ratioCheckAfterBytes,
                maxContentBytes, bodyIdle, image);
    }
}
