package dev.imagecensus.enricher.registry;

import dev.imagecensus.enricher.registry.LayerScan.Compression;
import dev.imagecensus.enricher.registry.LayerScan.PartialReason;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams one layer blob through decompression (sniffed: gzip {@code 1f8b}, zstd {@code 28b52ffd}, else plain
 * tar) and a tar reader, handing every entry to a {@link LayerEntryHandler}; nothing touches the disk. Bounds
 * ({@link LayerBudget}), faults and handler failures end the scan as partial with a reason: this never throws.
 * When read to the end, the compressed bytes are checked against the digest.
 */
final class LayerReader {

    private static final int BUFFER = 64 * 1024;

    private LayerReader() {
    }

    static LayerScan read(InputStream blob, String digest, Predicate<String> wantsContent, LayerEntryHandler handler,
                          Limits limits, Deadline deadline) {
        MessageDigest hasher = Digests.hasherFor(digest);
        Counting compressed = new Counting(new DigestInputStream(blob, hasher));
        Compression compression = Compression.NONE;
        LayerBudget tarBytes = null;
        int entries = 0;
        try {
            BufferedInputStream buffered = new BufferedInputStream(compressed, BUFFER);
            compression = sniff(buffered);
            InputStream decompressed = switch (compression) {
                case GZIP -> new GZIPInputStream(buffered, BUFFER);
                case ZSTD -> new ZstdInputStream(buffered);
                case NONE -> buffered;
            };
            tarBytes = new LayerBudget(decompressed, () -> compressed.count, limits, deadline);
            TarArchiveInputStream tar = new TarArchiveInputStream(tarBytes);
            InputStream shielded = new FilterInputStream(tar) {
                @Override
                public void close() {
                    // the handler must not close the archive
                }
            };
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                LayerEntry entry = entry(e, tar, wantsContent, limits);
                entries++;
                boolean more;
                try {
                    more = handler.onEntry(entry, shielded);
                } catch (RuntimeException failure) {
                    return scan(digest, compression, compressed, tarBytes, entries, false, false,
                            PartialReason.HANDLER_FAILED, "handler failed on " + entry.path() + ": " + failure);
                }
                if (!more) {
                    return scan(digest, compression, compressed, tarBytes, entries, true, false, null,
                            "stopped by the handler at " + entry.path());
                }
            }
            // Drain tar padding and trailing compressed bytes so the digest covers the whole blob.
            tarBytes.transferTo(OutputStream.nullOutputStream());
            buffered.transferTo(OutputStream.nullOutputStream());
            String actual = Digests.format(hasher);
            if (!actual.equals(digest)) {
                return scan(digest, compression, compressed, tarBytes, entries, false, false,
                        PartialReason.DIGEST_MISMATCH, "blob digest is " + actual);
            }
            return scan(digest, compression, compressed, tarBytes, entries, false, true, null, null);
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LayerBudget.LimitExceeded limit) {
                    return scan(digest, compression, compressed, tarBytes, entries, false, false, limit.reason(),
                            limit.getMessage());
                }
                if (t instanceof StreamingBody.BodyTimeoutException timeout) {
                    return scan(digest, compression, compressed, tarBytes, entries, false, false,
                            timeout.deadline() ? PartialReason.TIMED_OUT : PartialReason.STALLED, timeout.getMessage());
                }
            }
            // Tar and decompressors report bad data as IOExceptions; the body stream reports network trouble.
            boolean network = compressed.failed;
            return scan(digest, compression, compressed, tarBytes, entries, false, false,
                    network ? PartialReason.IO_ERROR : PartialReason.CORRUPT, Retrier.describe(e));
        } catch (RuntimeException e) {
            // aircompressor reports malformed zstd as unchecked exceptions.
            return scan(digest, compression, compressed, tarBytes, entries, false, false, PartialReason.CORRUPT,
                    e.toString());
        }
    }

    private static LayerEntry entry(TarArchiveEntry e, InputStream tar, Predicate<String> wantsContent, Limits limits)
            throws IOException {
        String path = LayerEntry.normalise(e.getName());
        LayerEntry.Type type = e.isSymbolicLink() ? LayerEntry.Type.SYMLINK
                : e.isLink() ? LayerEntry.Type.HARDLINK
                : e.isDirectory() ? LayerEntry.Type.DIRECTORY
                : e.isFile() ? LayerEntry.Type.FILE
                : LayerEntry.Type.OTHER;
        String link = type == LayerEntry.Type.SYMLINK || type == LayerEntry.Type.HARDLINK ? e.getLinkName() : null;
        byte[] content = null;
        boolean truncated = false;
        if (type == LayerEntry.Type.FILE && wantsContent.test(path)) {
            content = tar.readNBytes((int) Math.min(e.getSize(), limits.maxContentBytes()));
            truncated = content.length < e.getSize();
        }
        return new LayerEntry(path, type, link, e.getSize(), e.getMode(), content, truncated);
    }

    private static Compression sniff(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return Compression.GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return Compression.ZSTD;
        }
        return Compression.NONE;
    }

    private static LayerScan scan(String digest, Compression compression, Counting compressed, LayerBudget tarBytes,
                                  int entries, boolean stopped, boolean verified, PartialReason reason, String detail) {
        return new LayerScan(digest, compression, compressed.count, tarBytes == null ? 0 : tarBytes.count(), entries,
                stopped, verified, reason, detail);
    }

    /** Counts compressed bytes and remembers whether the network side failed (vs. bad data). */
    private static final class Counting extends FilterInputStream {
        long count;
        boolean failed;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }
}
