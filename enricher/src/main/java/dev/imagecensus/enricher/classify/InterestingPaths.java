package dev.imagecensus.enricher.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which tar entries a layer reader must keep, and how much of them.
 *
 * <ul>
 *   <li>{@link Interest#CONTENT}: identity and crypto configuration files at fixed paths, kept up to
 *       {@link ScanBounds#maxFileBytes()}: os-release and the release files, OpenSSL configs and their include
 *       directories, fipsmodule.cnf, {@code etc/crypto-policies/config}.</li>
 *   <li>{@link Interest#AUX_CONTENT}: any other {@code openssl.cnf} or {@code fipsmodule.cnf}, kept only so an
 *       {@code OPENSSL_CONF} variable or an {@code .include} can point at it; never evidence on their own.</li>
 *   <li>{@link Interest#MARKER}: files whose presence is the fact ({@link MarkerKind}).</li>
 *   <li>Everything else is {@link Interest#NONE}; regular files of it are still offered to the
 *       executable scan ({@link ExecutableScanner}), which looks only at ELF files.</li>
 * </ul>
 *
 * Paths are normalised ({@code etc/os-release}, no leading slash).
 */
public final class InterestingPaths {

    /** What a layer reader keeps of an entry (see the class comment). */
    public enum Interest {
        /** Nothing, apart from the executable scan of regular files. */
        NONE,
        /** The content, up to the per-file bound. */
        CONTENT,
        /** The content, only so OPENSSL_CONF or an include can reach it. */
        AUX_CONTENT,
        /** Presence only. */
        MARKER
    }

    /** os-release, in the order it is looked up. */
    public static final List<String> OS_RELEASE = List.of("etc/os-release", "usr/lib/os-release");
    /** Fallback identity files, in the order they are looked up. */
    public static final List<String> RELEASE_FILES = List.of("etc/alpine-release", "etc/debian_version",
            "etc/lsb-release", "etc/redhat-release", "etc/system-release");
    /** Where a busybox binary lives. */
    public static final List<String> BUSYBOX = List.of("bin/busybox", "usr/bin/busybox");
    /** The default OpenSSL configs of the common distros (OPENSSLDIR of Alpine/Wolfi, RHEL, Debian, source builds). */
    public static final List<String> OPENSSL_CONFIGS = List.of("etc/ssl/openssl.cnf", "etc/pki/tls/openssl.cnf",
            "usr/lib/ssl/openssl.cnf", "usr/local/ssl/openssl.cnf");
    /** Drop-in directories whose files OpenSSL configs include. */
    public static final List<String> OPENSSL_INCLUDE_DIRS = List.of("etc/ssl/openssl.cnf.d", "etc/pki/tls/openssl.d");
    /** RHEL 8's marker that the image was prepared for FIPS mode. */
    public static final String SYSTEM_FIPS = "etc/system-fips";
    /** RHEL's system-wide crypto policy. */
    public static final String CRYPTO_POLICY = "etc/crypto-policies/config";
    /** Where apko/melange images keep one SPDX SBOM per installed package. */
    public static final String APK_SBOM_DIR = "var/lib/db/sbom";
    /** Chainguard's package that installs an OpenSSL config with the FIPS provider and {@code fips=yes}. */
    public static final String FIPSHARDENED_PACKAGE = "openssl-config-fipshardened";

    private static final List<String> FIPS_MODULE_CONFIGS = List.of("etc/ssl/fipsmodule.cnf",
            "etc/pki/tls/fipsmodule.cnf", "usr/lib/ssl/fipsmodule.cnf", "usr/local/ssl/fipsmodule.cnf");
    private static final Set<String> CONTENT_PATHS = Set.copyOf(Stream.of(OS_RELEASE, RELEASE_FILES,
            OPENSSL_CONFIGS, FIPS_MODULE_CONFIGS, List.of(CRYPTO_POLICY)).flatMap(List::stream).toList());
    // Directories that a symlink could redirect on the way to an interesting path.
    private static final Set<String> STRUCTURAL = ancestorsOf(Stream.of(CONTENT_PATHS, Set.copyOf(BUSYBOX),
            Set.copyOf(OPENSSL_INCLUDE_DIRS), Set.of(SYSTEM_FIPS, APK_SBOM_DIR)).flatMap(Set::stream).toList());

    private InterestingPaths() {
    }

    /** What to keep of the entry at {@code path} (normalised or not). */
    public static Interest interest(String path) {
        String p = ImagePaths.normalize(path);
        if (CONTENT_PATHS.contains(p) || OPENSSL_INCLUDE_DIRS.contains(ImagePaths.parent(p))) {
            return Interest.CONTENT;
        }
        if (marker(p).isPresent()) {
            return Interest.MARKER;
        }
        String name = ImagePaths.name(p);
        return name.equals("openssl.cnf") || name.equals("fipsmodule.cnf") ? Interest.AUX_CONTENT : Interest.NONE;
    }

    /** True when a layer reader must hand over the content bytes of a regular file at {@code path}. */
    public static boolean wantsContent(String path) {
        Interest interest = interest(path);
        return interest == Interest.CONTENT || interest == Interest.AUX_CONTENT;
    }

    /** The marker a file at {@code path} is, if any; only its presence matters. */
    public static Optional<MarkerKind> marker(String path) {
        String p = ImagePaths.normalize(path);
        String name = ImagePaths.name(p);
        if (BUSYBOX.contains(p)) {
            return Optional.of(MarkerKind.BUSYBOX);
        }
        if (name.equals("fips.so") && ImagePaths.name(ImagePaths.parent(p)).startsWith("ossl-modules")) {
            return Optional.of(MarkerKind.FIPS_PROVIDER);
        }
        if (name.startsWith("bc-fips") && name.endsWith(".jar")) {
            return Optional.of(MarkerKind.BC_FIPS_JAR);
        }
        if (p.equals(SYSTEM_FIPS)) {
            return Optional.of(MarkerKind.SYSTEM_FIPS);
        }
        if (ImagePaths.parent(p).equals(APK_SBOM_DIR) && name.startsWith(FIPSHARDENED_PACKAGE)
                && name.endsWith(".spdx.json")) {
            return Optional.of(MarkerKind.FIPSHARDENED_SBOM);
        }
        return Optional.empty();
    }

    /**
     * True when a symlink, hard link or directory at {@code path} can change what an interesting path resolves
     * to: the interesting paths themselves and their ancestors ({@code etc}, {@code usr/lib}, {@code etc/ssl}, ...).
     */
    public static boolean isStructural(String path) {
        String p = ImagePaths.normalize(path);
        return STRUCTURAL.contains(p) || OPENSSL_INCLUDE_DIRS.contains(p) || p.equals(APK_SBOM_DIR)
                || interest(p) != Interest.NONE;
    }

    private static Set<String> ancestorsOf(List<String> paths) {
        Set<String> ancestors = new HashSet<>();
        for (String path : paths) {
            for (String dir = ImagePaths.parent(path); !dir.isEmpty(); dir = ImagePaths.parent(dir)) {
                ancestors.add(dir);
            }
        }
        return Set.copyOf(ancestors);
    }
}
