package dev.imagecensus.embedded.registry;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real in-memory {@link EmbeddedSchemaRegistry}, serving HTTP, per test class: started before the first test,
 * closed after the last. Tests share it, so each works under its own subjects ({@link #unique(String)}) and leaves
 * the global compatibility level alone; a test that must change global state or stop the registry starts its own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RegistryExtension REGISTRY = new RegistryExtension();
 * }</pre>
 */
public final class RegistryExtension implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private EmbeddedSchemaRegistry registry;
    private String ownerId;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (registry == null) { // @Nested classes reuse the outer class's registry
            registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory());
            ownerId = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (registry != null && context.getUniqueId().equals(ownerId)) {
            registry.close();
            registry = null;
        }
    }

    /** Base URL, for {@code schema.registry.url}. */
    public String url() {
        return registry().url();
    }

    public EmbeddedSchemaRegistry registry() {
        if (registry == null) {
            throw new IllegalStateException("RegistryExtension must be a static @RegisterExtension field");
        }
        return registry;
    }

    /** A name no other test in this JVM uses, {@code base-<n>}: a topic, or a subject prefix. */
    public String unique(String base) {
        return base + "-" + COUNTER.incrementAndGet();
    }

    /** A raw HTTP client speaking to the registry. */
    RegistryHttp http() {
        return new RegistryHttp(url());
    }
}
