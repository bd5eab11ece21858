package dev.imagecensus.enricher.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * The decompressed side of a layer, enforcing its bounds on every read: uncompressed bytes, decompression ratio
 * (against the compressed bytes consumed so far) and the image deadline. A bound hit throws
 * {@link LimitExceeded}, which the layer reader turns into a partial scan.
 */
final class LayerBudget extends FilterInputStream {

    /** A bound was hit. */
    static final class LimitExceeded extends IOException {
        private final LayerScan.PartialReason reason;

        LimitExceeded(LayerScan.PartialReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        LayerScan.PartialReason reason() {
            return reason;
        }
    }

    private final LongSupplier compressedBytes;
    private final Limits limits;
    private final Deadline deadline;
    private long count;

    LayerBudget(InputStream decompressed, LongSupplier compressedBytes, Limits limits, Deadline deadline) {
        super(decompressed);
        this.compressedBytes = compressedBytes;
        this.limits = limits;
        this.deadline = deadline;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (deadline.expired()) {
            throw new LimitExceeded(LayerScan.PartialReason.TIMED_OUT, "time budget exhausted after " + count + " bytes");
        }
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
            check();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Through read(), so skipped bytes are counted and bounded too.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    private void check() throws LimitExceeded {
        if (count > limits.maxLayerBytes()) {
            throw new LimitExceeded(LayerScan.PartialReason.LAYER_TOO_LARGE,
                    "layer exceeds " + limits.maxLayerBytes() + " uncompressed bytes");
        }
        if (count > limits.ratioCheckAfterBytes()) {
            long compressed = Math.max(1, compressedBytes.getAsLong());
            if ((double) count / compressed > limits.maxDecompressionRatio()) {
                throw new LimitExceeded(LayerScan.PartialReason.DECOMPRESSION_RATIO, String.format(
                        "decompression ratio above %.0f:1 (%d bytes from %d)", limits.maxDecompressionRatio(), count, compressed));
            }
        }
    }
}
