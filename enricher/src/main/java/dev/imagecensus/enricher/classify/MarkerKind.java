package dev.imagecensus.enricher.classify;

/** Files whose mere presence is a fact (see {@link InterestingPaths#marker(String)}). */
public enum MarkerKind {
    /** {@code bin/busybox}: the identity of a busybox-only image. */
    BUSYBOX,
    /** {@code **}{@code /ossl-modules/fips.so}: the OpenSSL 3 FIPS provider module. */
    FIPS_PROVIDER,
    /** {@code **}{@code /bc-fips*.jar}: Bouncy Castle's FIPS-validated Java module. */
    BC_FIPS_JAR,
    /** {@code etc/system-fips}: RHEL 8's FIPS-prepared marker. */
    SYSTEM_FIPS,
    /** {@code var/lib/db/sbom/openssl-config-fipshardened-*.spdx.json}: Chainguard's FIPS-hardened OpenSSL config package. */
    FIPSHARDENED_SBOM
}
