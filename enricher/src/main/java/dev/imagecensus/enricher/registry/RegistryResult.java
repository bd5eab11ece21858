package dev.imagecensus.enricher.registry;

import dev.imagecensus.schemas.avro.Existence;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a registry call came to: {@link Found} a value, or {@link Failed} with one of the six non-available
 * existence states and a human-readable detail. Registry calls never throw for remote trouble; they answer
 * with this.
 */
public sealed interface RegistryResult<T> {

    /** The existence state this outcome reports: AVAILABLE for {@link Found}. */
    Existence existence();

    /** The value when found. */
    record Found<T>(T value) implements RegistryResult<T> {
        public Found {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Existence existence() {
            return Existence.AVAILABLE;
        }
    }

    /**
     * A failure.
     *
     * @param existence never {@link Existence#AVAILABLE}
     * @param detail    what the registry said or what went wrong, for logs and the classification's error field
     */
    record Failed<T>(Existence existence, String detail) implements RegistryResult<T> {
        public Failed {
            Objects.requireNonNull(existence, "existence");
            Objects.requireNonNull(detail, "detail");
            if (existence == Existence.AVAILABLE) {
                throw new IllegalArgumentException("a failure cannot be AVAILABLE");
            }
        }

        /** The same failure for another value type. */
        @SuppressWarnings("unchecked")
        public <U> Failed<U> cast() {
            return (Failed<U>) this;
        }
    }

    static <T> RegistryResult<T> found(T value) {
        return new Found<>(value);
    }

    static <T> RegistryResult<T> failed(Existence existence, String detail) {
        return new Failed<>(existence, detail);
    }

    /** Tag exists and parses, or not: {@code true} only for {@link Found}. */
    default boolean isFound() {
        return this instanceof Found;
    }

    /** The value, or an {@link IllegalStateException} naming the failure (for tests and callers that checked). */
    default T orElseThrow() {
        if (this instanceof Found<T> found) {
            return found.value();
        }
        Failed<T> failed = (Failed<T>) this;
        throw new IllegalStateException(failed.existence() + ": " + failed.detail());
    }

    default <U> RegistryResult<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Found<T> found) {
            return new Found<>(mapper.apply(found.value()));
        }
        return ((Failed<T>) this).cast();
    }

    default <U> RegistryResult<U> flatMap(Function<? super T, RegistryResult<U>> mapper) {
        if (this instanceof Found<T> found) {
            return mapper.apply(found.value());
        }
        return ((Failed<T>) this).cast();
    }
}
