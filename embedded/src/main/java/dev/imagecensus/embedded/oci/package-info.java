/**
 * A real container registry for tests, {@code local --demo-registry} and benchmarks: Debian's
 * {@code docker-registry} as a child process ({@link dev.imagecensus.embedded.oci.DockerRegistryProcess}: anonymous,
 * htpasswd, token auth with an in-process {@link dev.imagecensus.embedded.oci.TokenServer}, optional TLS), the
 * catalogue of {@link dev.imagecensus.embedded.oci.SyntheticImages} built in memory with stable digests, each with
 * its {@link dev.imagecensus.embedded.oci.Expected} classification, and the
 * {@link dev.imagecensus.embedded.oci.ImagePusher} that uploads them.
 */
package dev.imagecensus.embedded.oci;
