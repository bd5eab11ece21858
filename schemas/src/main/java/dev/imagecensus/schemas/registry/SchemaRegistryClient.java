package dev.imagecensus.schemas.registry;

import java.io.Closeable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A client for the Confluent schema-registry REST API (the subset image-census needs).
 * Implementations cache what is immutable (id → schema, subject+schema → id).
 * Failures surface as {@link SchemaRegistryException} carrying Confluent's error code.
 */
public interface SchemaRegistryClient extends Closeable {

    /** {@code POST /subjects/{subject}/versions}: registers (idempotently) and returns the global id. */
    int register(String subject, Schema schema);

    /** {@code POST /subjects/{subject}}: the id of an already registered schema; 40401/40403 otherwise. */
    int lookup(String subject, Schema schema);

    /** {@code GET /schemas/ids/{id}}: the schema with that global id; 40403 when unknown. */
    Schema schemaById(int id);

    /** {@code GET /subjects/{subject}/versions/latest}. */
    SubjectVersion latest(String subject);

    /** {@code GET /subjects/{subject}/versions/{version}}. */
    SubjectVersion version(String subject, int version);

    /** {@code GET /subjects}. */
    List<String> subjects();

    /** {@code GET /subjects/{subject}/versions}. */
    List<Integer> versions(String subject);

    /** {@code POST /compatibility/subjects/{subject}/versions/latest}. */
    boolean isCompatible(String subject, Schema schema);

    @Override
    void close();

    /** One registered version of a subject. */
    record SubjectVersion(String subject, int version, int id, Schema schema) {
    }
}
