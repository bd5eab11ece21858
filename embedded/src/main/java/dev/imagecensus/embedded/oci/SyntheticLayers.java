package dev.imagecensus.embedded.oci;

import java.util.LinkedHashMap;
import java.util.Map;

/** The layers the synthetic images are made of; base layers are shared between images on purpose. */
final class SyntheticLayers {

    static final String BUSYBOX_VERSION = "1.36.1";

    static final String DEBIAN_OS_RELEASE = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            """;

    static final String ALPINE_OS_RELEASE = """
            NAME="Alpine Linux"
            ID=alpine
            VERSION_ID=3.20.3
            PRETTY_NAME="Alpine Linux v3.20"
            HOME_URL="https://alpinelinux.org/"
            """;

    static final String UBUNTU_OS_RELEASE = """
            PRETTY_NAME="Ubuntu 24.04.1 LTS"
            NAME="Ubuntu"
            VERSION_ID="24.04"
            VERSION="24.04.1 LTS (Noble Numbat)"
            VERSION_CODENAME=noble
            ID=ubuntu
            ID_LIKE=debian
            """;

    static final String UBI_OS_RELEASE = """
            NAME="Red Hat Enterprise Linux"
            VERSION="9.4 (Plow)"
            ID="rhel"
            ID_LIKE="fedora"
            VERSION_ID="9.4"
            PLATFORM_ID="platform:el9"
            PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"
            """;

    static final String DISTROLESS_OS_RELEASE = """
            PRETTY_NAME="Distroless"
            NAME="Debian GNU/Linux"
            ID="debian"
            VERSION_ID="12"
            VERSION="Debian GNU/Linux 12 (bookworm)"
            HOME_URL="https://github.com/GoogleContainerTools/distroless"
            """;

    /** OpenSSL 3 config that loads the FIPS provider and makes approved algorithms the only default. */
    static final String OPENSSL_FIPS_CNF = """
            openssl_conf = openssl_init

            [openssl_init]
            providers = provider_sect
            alg_section = algorithm_sect

            [provider_sect]
            fips = fips_sect
            base = base_sect

            [fips_sect]
            activate = 1

            [base_sect]
            activate = 1

            [algorithm_sect]
            default_properties = fips=yes
            """;

    static final Layer DEBIAN_BASE = TarLayer.builder()
            .directory("bin").directory("etc").directory("usr").directory("usr/lib")
            .file("etc/os-release", DEBIAN_OS_RELEASE)
            .file("etc/debian_version", "12.7\n")
            .build(LayerCompression.GZIP);

    static final TarLayer ALPINE_TAR = TarLayer.builder()
            .directory("bin").directory("etc").directory("usr").directory("usr/lib")
            .file("usr/lib/os-release", ALPINE_OS_RELEASE)
            .symlink("etc/os-release", "../usr/lib/os-release")
            .file("etc/alpine-release", "3.20.3\n")
            .executable("bin/busybox", SyntheticBinaries.busybox(BUSYBOX_VERSION))
            .hardlink("bin/sh", "bin/busybox");

    static final Layer ALPINE_BASE = ALPINE_TAR.build(LayerCompression.GZIP);

    static final Layer UBUNTU_BASE = TarLayer.builder().dotSlashNames()
            .directory("etc").directory("usr").directory("usr/lib")
            .file("usr/lib/os-release", UBUNTU_OS_RELEASE)
            .symlink("etc/os-release", "../usr/lib/os-release")
            .file("etc/debian_version", "trixie/sid\n")
            .file("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\n")
            .build(LayerCompression.GZIP);

    static final Layer UBI_BASE = TarLayer.builder()
            .directory("etc").directory("usr").directory("usr/lib")
            .file("usr/lib/os-release", UBI_OS_RELEASE)
            .symlink("etc/os-release", "../usr/lib/os-release")
            .file("etc/redhat-release", "Red Hat Enterprise Linux release 9.4 (Plow)\n")
            .symlink("etc/system-release", "redhat-release")
            .build(LayerCompression.GZIP);

    /** A validated module present, nothing enforcing it: FIPS capable. */
    static final Layer UBI_FIPS_MODULE = TarLayer.builder()
            .file("etc/system-fips", "")
            .directory("usr/lib64").directory("usr/lib64/ossl-modules")
            .executable("usr/lib64/ossl-modules/fips.so", SyntheticBinaries.plainElf("openssl fips provider"))
            .build(LayerCompression.GZIP);

    static final Layer OPENSSL_FIPS_CONFIG = TarLayer.builder()
            .directory("etc/pki").directory("etc/pki/tls")
            .file("etc/pki/tls/openssl.cnf", OPENSSL_FIPS_CNF)
            .build(LayerCompression.GZIP);

    static final Layer DISTROLESS_BASE = TarLayer.builder()
            .directory("etc")
            .file("etc/os-release", DISTROLESS_OS_RELEASE)
            .file("etc/debian_version", "12.7\n")
            .directory("etc/ssl").directory("etc/ssl/certs")
            .file("etc/ssl/certs/ca-certificates.crt", "")
            .build(LayerCompression.GZIP);

    static final Layer BUSYBOX_ONLY = TarLayer.builder()
            .directory("bin")
            .executable("bin/busybox", SyntheticBinaries.busybox(BUSYBOX_VERSION))
            .hardlink("bin/sh", "bin/busybox")
            .symlink("bin/ls", "busybox")
            .build(LayerCompression.GZIP);

    static final Layer SCRATCH_APP = TarLayer.builder()
            .executable("app", SyntheticBinaries.plainElf("scratch"))
            .build(LayerCompression.GZIP);

    /** Deletes the lower layer's os-release; uncompressed so a plain tar is read too. */
    static final Layer WHITEOUT_OS_RELEASE = TarLayer.builder()
            .whiteout("etc/os-release")
            .build(LayerCompression.NONE);

    static final Layer DEBIAN_APP = TarLayer.builder()
            .directory("app")
            .executable("app/server", SyntheticBinaries.plainElf("debian-app"))
            .build(LayerCompression.GZIP);

    static final Layer GO_FIPS_APP = TarLayer.builder()
            .directory("usr").directory("usr/local").directory("usr/local/bin")
            .executable("usr/local/bin/server", SyntheticBinaries.goBinary("go1.24.2", "example.com/server", goFips()))
            .build(LayerCompression.GZIP);

    private SyntheticLayers() {
    }

    private static Map<String, String> goFips() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("-buildmode", "exe");
        settings.put("-compiler", "gc");
        settings.put("DefaultGODEBUG", "fips140=on");
        settings.put("CGO_ENABLED", "0");
        settings.put("GOARCH", "amd64");
        settings.put("GOFIPS140", "v1.0.0");
        settings.put("GOOS", "linux");
        settings.put("GOAMD64", "v1");
        return settings;
    }

    /** A small layer unique to {@code name}, so every image made with it has its own digest. */
    static Layer unique(String name) {
        return TarLayer.builder().directory("app").file("app/id", name + "\n").build(LayerCompression.GZIP);
    }
}
