package dev.imagecensus.schemas;

import dev.imagecensus.schemas.avro.ImageEvent;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Trusts the generated classes in {@value #GENERATED_PACKAGE} with Avro's class-loading guard.
 *
 * <p>Avro 1.12 loads no class named in a schema unless it is trusted ({@link ClassSecurityValidator}); without this,
 * building a record whose enum field has a default, or reading bytes into a generated class, fails with
 * {@code SecurityException: Forbidden dev.imagecensus.schemas.avro...}. Only this package is added; everything
 * else keeps Avro's default (or the {@code org.apache.avro.SERIALIZABLE_*} system properties).
 *
 * <p>It installs itself: Avro service-loads {@link Installer} when it first parses a schema, which every generated
 * class does before it can be used. {@link #install()} is idempotent for callers that want to be explicit.
 */
public final class AvroClassTrust {

    public static final String GENERATED_PACKAGE = "dev.imagecensus.schemas.avro";

    private static final ClassSecurityPredicate GENERATED = type -> type.getName().startsWith(GENERATED_PACKAGE + ".");

    private AvroClassTrust() {
    }

    /** Adds the generated package to Avro's global trust, unless it is trusted already. */
    public static synchronized void install() {
        ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        // A class literal does not initialise the class, so this is safe from within its static initialiser.
        if (!current.isTrusted(ImageEvent.class)) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current, GENERATED));
        }
    }

    /**
     * The hook: listed in {@code META-INF/services/org.apache.avro.LogicalTypes$LogicalTypeFactory}, so Avro
     * instantiates it once, when {@link LogicalTypes} initialises. It defines no usable logical type.
     */
    public static final class Installer implements LogicalTypes.LogicalTypeFactory {

        public Installer() {
            install();
        }

        @Override
        public LogicalType fromSchema(Schema schema) {
            return null;
        }

        @Override
        public String getTypeName() {
            return "dev.imagecensus.class-trust";
        }
    }
}
