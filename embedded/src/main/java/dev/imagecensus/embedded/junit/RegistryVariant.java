package dev.imagecensus.embedded.junit;

import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks which shared docker-registry a {@link DockerRegistryProcess} parameter gets from
 * {@link DockerRegistryExtension}; without it, the anonymous plain-HTTP one.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface RegistryVariant {

    DockerRegistryProcess.Auth auth() default DockerRegistryProcess.Auth.ANONYMOUS;

    boolean tls() default false;
}
