package dev.imagecensus.enricher.registry;

/**
 * How reading one layer went. A scan is partial when a bound or a fault stopped it before the end: what the
 * handler saw is then only part of the layer and must not be taken as all of it.
 *
 * @param compressedBytes   bytes downloaded
 * @param uncompressedBytes tar bytes read
 * @param entries           entries handed to the handler
 * @param stoppedByHandler  the handler asked to stop before the end
 * @param digestVerified    the whole blob was read and matched its digest
 * @param partialReason     null when not partial
 * @param detail            what happened, for logs; null when complete
 */
public record LayerScan(String digest, Compression compression, long compressedBytes, long uncompressedBytes,
                        int entries, boolean stoppedByHandler, boolean digestVerified, PartialReason partialReason,
                        String detail) {

    /** Compression as sniffed from the first bytes (never from the media type). */
    public enum Compression { GZIP, ZSTD, NONE }

    /** Why a scan is partial. */
    public enum PartialReason {
        /** More uncompressed bytes than {@link Limits#maxLayerBytes()}. */
        LAYER_TOO_LARGE,
        /** Uncompressed/compressed above {@link Limits#maxDecompressionRatio()}: a decompression bomb. */
        DECOMPRESSION_RATIO,
        /** The image's time budget ran out. */
        TIMED_OUT,
        /** The registry stopped sending mid-body. */
        STALLED,
        /** The connection failed mid-body. */
        IO_ERROR,
        /** Not a readable (compressed) tar. */
        CORRUPT,
        /** Read to the end, but the bytes do not match the digest. */
        DIGEST_MISMATCH,
        /** The handler threw. */
        HANDLER_FAILED
    }

    public boolean isPartial() {
        return partialReason != null;
    }

    /** Read to the end with nothing wrong. */
    public boolean isComplete() {
        return partialReason == null && !stoppedByHandler;
    }
}
