package dev.imagecensus.enricher.classify;

/** Test fixture: OpenSSL configs as the distros ship them, in our own words. */
final class OpenSslConfigs {

    /** Approved-only: the FIPS provider from an included fipsmodule.cnf, and every fetch requires fips=yes. */
    static final String ENFORCING = """
            openssl_conf = openssl_init

            .include /etc/ssl/fipsmodule.cnf

            [openssl_init]
            providers = provider_sect
            alg_section = algorithm_sect

            [provider_sect]
            fips = fips_sect
            base = base_sect

            [base_sect]
            activate = 1

            [algorithm_sect]
            default_properties = fips=yes
            """;

    /** What {@code openssl fipsinstall} writes (checksums shortened). */
    static final String FIPS_MODULE = """
            [fips_sect]
            activate = 1
            install-version = 1
            conditional-errors = 1
            security-checks = 1
            module-mac = 7B:1E:5C:1A:3C:0F:45:BE
            install-mac = 41:9C:38:C2:8F:59:09:43
            install-status = INSTALL_SELF_TEST_KATS_RUN
            """;

    /** Loads and activates the FIPS provider next to the default one, without requiring it. */
    static final String LOADING = """
            openssl_conf = openssl_init
            [openssl_init]
            providers = provider_sect
            [provider_sect]
            default = default_sect
            fips = fips_sect
            [default_sect]
            activate = 1
            [fips_sect]
            activate = 1   # loaded, but default_properties is not set
            module = /usr/lib/ossl-modules/fips.so
            """;

    /** Debian's default: the FIPS lines are there, commented out. */
    static final String COMMENTED = """
            # .include fipsmodule.cnf
            openssl_conf = openssl_init
            [openssl_init]
            providers = provider_sect
            [provider_sect]
            default = default_sect
            # fips = fips_sect
            [default_sect]
            # activate = 1
            #[algorithm_sect]
            #default_properties = fips=yes
            """;

    private OpenSslConfigs() {
    }
}
