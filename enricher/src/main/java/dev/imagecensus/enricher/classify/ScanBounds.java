package dev.imagecensus.enricher.classify;

/**
 * Per-layer limits of {@link LayerScanner}, so a hostile or odd layer costs bounded memory.
 *
 * @param maxFileBytes        bytes kept of one interesting file; the rest is dropped and the file marked truncated
 * @param maxContentFiles     interesting files kept per layer; one more marks the layer partial
 * @param maxAuxFiles         stray {@code openssl.cnf}/{@code fipsmodule.cnf} kept per layer; more are dropped silently
 *                            (they only matter when {@code OPENSSL_CONF} or an include names them)
 * @param maxExecutableBytes  largest ELF file scanned for Go build info; a larger one is recorded as unscanned
 * @param maxExecutables      executables with findings (or unscanned) recorded per layer; one more marks it partial
 * @param maxBuildInfoBytes   bytes captured after the Go build-info magic or the module-info sentinel
 * @param maxLinks            symlinks, hard links, directories, whiteouts and opaque dirs recorded per layer;
 *                            one more marks the layer partial
 */
public record ScanBounds(int maxFileBytes, int maxContentFiles, int maxAuxFiles, long maxExecutableBytes,
                         int maxExecutables, int maxBuildInfoBytes, int maxLinks) {

    /** 64 KiB per file, 256 files, 64 aux files, ELF up to 256 MiB, 1024 executables, 256 KiB build info, 20 000 links. */
    public static ScanBounds defaults() {
        return new ScanBounds(64 * 1024, 256, 64, 256L * 1024 * 1024, 1024, 256 * 1024, 20_000);
    }

    public ScanBounds {
        if (maxFileBytes <= 0 || maxContentFiles <= 0 || maxAuxFiles < 0 || maxExecutableBytes <= 0
                || maxExecutables <= 0 || maxBuildInfoBytes < 64 || maxLinks <= 0) {
            throw new IllegalArgumentException("scan bounds must be positive (build info at least 64 bytes)");
        }
    }
}
