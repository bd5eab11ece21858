package dev.imagecensus.embedded.junit;

import dev.imagecensus.embedded.oci.DockerRegistryProcess;
import dev.imagecensus.embedded.oci.ImagePusher;
import dev.imagecensus.embedded.oci.SyntheticImages;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests a real docker-registry with every {@link SyntheticImages} image pushed. One
 * process per variant ({@link RegistryVariant}: anonymous, basic, token; plain or TLS) per test JVM, started on
 * first use and kept in the root context, so every {@code *IT} class shares it; closed when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(DockerRegistryExtension.class)
 * class ClientIT {
 *     @Test
 *     void shouldXWhenY(DockerRegistryProcess registry,
 *                       @RegistryVariant(auth = Auth.TOKEN) DockerRegistryProcess tokenRegistry) { ... }
 * }
 * }</pre>
 */
public final class DockerRegistryExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DockerRegistryExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DockerRegistryProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RegistryVariant variant = parameter.findAnnotation(RegistryVariant.class).orElse(null);
        return registry(context,
                variant == null ? DockerRegistryProcess.Auth.ANONYMOUS : variant.auth(),
                variant != null && variant.tls());
    }

    /** The shared registry of a variant, for use from other extensions or {@code @BeforeAll} helpers. */
    public static DockerRegistryProcess registry(ExtensionContext context, DockerRegistryProcess.Auth auth, boolean tls) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(auth + (tls ? "-tls" : ""), key -> {
            DockerRegistryProcess registry = DockerRegistryProcess.start(auth, tls);
            try {
                ImagePusher.to(registry).pushAll(SyntheticImages.all());
                return registry;
            } catch (RuntimeException e) {
                String log = registry.logTail();
                registry.close();
                throw new IllegalStateException("pushing the synthetic images failed; registry log:\n" + log, e);
            }
        }, DockerRegistryProcess.class);
    }
}
