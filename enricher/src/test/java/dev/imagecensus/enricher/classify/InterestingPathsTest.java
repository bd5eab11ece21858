package dev.imagecensus.enricher.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.enricher.classify.InterestingPaths.Interest;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterestingPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "etc/os-release,                                  CONTENT",
            "./etc/os-release,                                CONTENT",
            "/usr/lib/os-release,                             CONTENT",
            "etc/alpine-release,                              CONTENT",
            "etc/debian_version,                              CONTENT",
            "etc/lsb-release,                                 CONTENT",
            "etc/redhat-release,                              CONTENT",
            "etc/system-release,                              CONTENT",
            "etc/ssl/openssl.cnf,                             CONTENT",
            "etc/pki/tls/openssl.cnf,                         CONTENT",
            "usr/lib/ssl/openssl.cnf,                         CONTENT",
            "etc/ssl/fipsmodule.cnf,                          CONTENT",
            "etc/ssl/openssl.cnf.d/10-fips.cnf,               CONTENT",
            "etc/pki/tls/openssl.d/fips.conf,                 CONTENT",
            "etc/crypto-policies/config,                      CONTENT",
            "opt/app/openssl.cnf,                             AUX_CONTENT",
            "usr/local/lib/node_modules/x/fipsmodule.cnf,     AUX_CONTENT",
            "bin/busybox,                                     MARKER",
            "usr/lib/ossl-modules/fips.so,                    MARKER",
            "usr/lib64/ossl-modules-3/fips.so,                MARKER",
            "opt/app/lib/bc-fips-2.0.0.jar,                   MARKER",
            "etc/system-fips,                                 MARKER",
            "var/lib/db/sbom/openssl-config-fipshardened-3.4.0-r3.spdx.json, MARKER",
            "var/lib/db/sbom/openssl-3.4.0-r3.spdx.json,      NONE",
            "usr/lib/fips.so,                                 NONE",
            "etc/os-release.bak,                              NONE",
            "etc/ssl/openssl.cnf.d/sub/x.cnf,                 NONE",
            "usr/bin/kubectl,                                 NONE"
    })
    void shouldKeepWhatClassificationReadsWhenPathIsOffered(String path, Interest expected) {
        // When
        Interest interest = InterestingPaths.interest(path);

        // Then
        assertThat(interest).isEqualTo(expected);
        assertThat(InterestingPaths.wantsContent(path))
                .isEqualTo(expected == Interest.CONTENT || expected == Interest.AUX_CONTENT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "bin/busybox,                            BUSYBOX",
            "usr/local/lib64/ossl-modules/fips.so,   FIPS_PROVIDER",
            "app/libs/bc-fips-1.0.2.5.jar,           BC_FIPS_JAR",
            "etc/system-fips,                        SYSTEM_FIPS",
            "var/lib/db/sbom/openssl-config-fipshardened-3.5.0-r0.spdx.json, FIPSHARDENED_SBOM",
            "app/libs/bcprov-jdk18on-1.78.jar,       ",
    })
    void shouldNameTheMarkerWhenPresenceIsTheFact(String path, MarkerKind expected) {
        // When / Then
        assertThat(InterestingPaths.marker(path)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "etc,                        true",
            "usr/lib,                    true",
            "etc/ssl,                    true",
            "etc/pki/tls,                true",
            "bin,                        true",
            "etc/ssl/openssl.cnf.d,      true",
            "var/lib/db/sbom,            true",
            "etc/os-release,             true",
            "usr/share/zoneinfo/UTC,     false",
            "bin/sh,                     false"
    })
    void shouldKeepLinksAndDirectoriesWhenTheyCanRedirectAnInterestingPath(String path, boolean expected) {
        // When / Then
        assertThat(InterestingPaths.isStructural(path)).isEqualTo(expected);
    }
}
