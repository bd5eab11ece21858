package dev.imagecensus.schemas.serde;

import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.apache.avro.Schema;

/**
 * Records which registry calls the serde makes and answers them with fixed values or errors.
 * Not a registry: it stores nothing, so it cannot fake round trips (those are *IT tests against the real one).
 */
final class StubRegistryClient implements SchemaRegistryClient {

    final List<String> calls = new CopyOnWriteArrayList<>();
    private int id = 7;
    private SubjectVersion latest;
    private RuntimeException failure;
    private IntFunction<Schema> schemaById = id -> {
        throw new AssertionError("schemaById(" + id + ") was not expected");
    };

    static StubRegistryClient answeringId(int id) {
        StubRegistryClient client = new StubRegistryClient();
        client.id = id;
        return client;
    }

    static StubRegistryClient failingWith(int errorCode) {
        StubRegistryClient client = new StubRegistryClient();
        client.failure = errorCode == SchemaRegistryException.IO_ERROR
                ? new SchemaRegistryException("Cannot reach schema registry: connection refused", new IOException("refused"))
                : new SchemaRegistryException(404, errorCode, "canned error " + errorCode);
        client.schemaById = id -> {
            throw client.failure;
        };
        return client;
    }

    StubRegistryClient withLatest(SubjectVersion latest) {
        this.latest = latest;
        return this;
    }

    StubRegistryClient withSchemaById(IntFunction<Schema> answer) {
        this.schemaById = answer;
        return this;
    }

    private int answer(String call) {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
        return id;
    }

    @Override
    public int register(String subject, Schema schema) {
        return answer("register " + subject);
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return answer("lookup " + subject);
    }

    @Override
    public Schema schemaById(int id) {
        calls.add("schemaById " + id);
        return schemaById.apply(id);
    }

    @Override
    public SubjectVersion latest(String subject) {
        answer("latest " + subject);
        return latest;
    }

    @Override
    public SubjectVersion version(String subject, int version) {
        throw new AssertionError("not expected");
    }

    @Override
    public List<String> subjects() {
        throw new AssertionError("not expected");
    }

    @Override
    public List<Integer> versions(String subject) {
        throw new AssertionError("not expected");
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        throw new AssertionError("not expected");
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
