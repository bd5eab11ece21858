package dev.imagecensus.embedded.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests the shared {@link TestStack}: started once per test JVM on first use, stored in
 * the root context (so every {@code *IT} class shares it) and closed when the JVM's test run ends.
 *
 * <pre>{@code
 * @ExtendWith(StackExtension.class)
 * class SomethingIT {
 *     @Test
 *     void shouldDoXWhenY(TestStack stack) { ... stack.bootstrapServers() ... }
 * }
 * }</pre>
 */
public final class StackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    /** The shared stack, for use from other extensions or {@code @BeforeAll} helpers. */
    public static TestStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestStack.class, key -> TestStack.start(), TestStack.class);
    }
}
