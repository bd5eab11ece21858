package dev.imagecensus.embedded.contract;

import static dev.imagecensus.embedded.contract.RegistryClients.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistry;
import dev.imagecensus.embedded.registry.EmbeddedSchemaRegistryConfig;
import dev.imagecensus.embedded.registry.RegistryExtension;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.HttpSchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient;
import dev.imagecensus.schemas.registry.SchemaRegistryClient.SubjectVersion;
import dev.imagecensus.schemas.registry.SchemaRegistryException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link HttpSchemaRegistryClient} against the real embedded registry: its answers and what the client caches.
 * The transport (auth, TLS, failover, retries) is tested against canned HTTP in the schemas module.
 */
class HttpSchemaRegistryClientRegistryTest {

    private static final Schema V1 = SchemaBuilder.record("Thing").namespace("test").fields()
            .requiredString("name").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Thing").namespace("test").fields()
            .requiredString("name").name("size").type().intType().intDefault(0).endRecord();
    private static final Schema INCOMPATIBLE = SchemaBuilder.record("Thing").namespace("test").fields()
            .requiredString("name").requiredString("owner").endRecord();

    @RegisterExtension
    static final RegistryExtension REGISTRY = new RegistryExtension();

    private final SchemaRegistryClient client = client(REGISTRY.url());
    private final String subject = REGISTRY.unique("things") + "-value";

    @Test
    void shouldAnswerRegisteredVersionsByNumberLatestAndLookup() {
        int id1 = client.register(subject, V1);
        int id2 = client.register(subject, V2);
        SchemaRegistryClient other = client(REGISTRY.url());

        assertThat(id2).isNotEqualTo(id1);
        assertThat(other.subjects()).contains(subject);
        assertThat(other.versions(subject)).containsExactly(1, 2);
        assertThat(other.version(subject, 1)).isEqualTo(new SubjectVersion(subject, 1, id1, V1));
        assertThat(other.latest(subject)).isEqualTo(new SubjectVersion(subject, 2, id2, V2));
        assertThat(other.lookup(subject, V1)).isEqualTo(id1);
        assertThat(other.schemaById(id2)).isEqualTo(V2);
    }

    @Test
    void shouldRegisterOnceAndAnswerFromCacheWhenTheSameSchemaIsRegisteredAgain() {
        SchemaRegistryClient cached;
        int id;
        try (EmbeddedSchemaRegistry own = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistryConfig.inMemory())) {
            cached = client(own.url());
            id = cached.register(subject, ImageEvent.getClassSchema());
        }

        // The registry is gone: only the client's cache can answer now.
        assertThat(cached.register(subject, ImageEvent.getClassSchema())).isEqualTo(id);
        assertThat(cached.lookup(subject, ImageEvent.getClassSchema())).isEqualTo(id);
        assertThat(cached.schemaById(id)).isEqualTo(ImageEvent.getClassSchema());
        assertThatThrownBy(() -> cached.register(subject, V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.IO_ERROR));
    }

    @Test
    void shouldThrowRegistryErrorCodesWhenSubjectVersionOrIdIsUnknown() {
        client.register(subject, V1);

        assertThatThrownBy(() -> client.schemaById(987_654))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
        assertThatThrownBy(() -> client.latest(subject + "-nobody"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
        assertThatThrownBy(() -> client.version(subject, 9))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.VERSION_NOT_FOUND));
        assertThatThrownBy(() -> client.lookup(subject, V2))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
    }

    @Test
    void shouldAnswerWhetherCandidateIsCompatibleWithoutRegisteringIt() {
        client.register(subject, V1);

        assertThat(client.isCompatible(subject, INCOMPATIBLE)).isFalse();
        assertThat(client.isCompatible(subject, V2)).isTrue();
        assertThat(client.versions(subject)).containsExactly(1);
    }

    @Test
    void shouldReuseLatestVersionWithinTtlUntilThisClientRegistersANewOne() {
        SchemaRegistryClient cached = client(REGISTRY.url(), Map.of("latest.cache.ttl.sec", 60));
        SchemaRegistryClient uncached = client(REGISTRY.url(), Map.of("latest.cache.ttl.sec", 0));
        client.register(subject, V1);
        assertThat(cached.latest(subject).version()).isEqualTo(1);

        client.register(subject, V2); // by another client: the cached latest is now stale

        assertThat(cached.latest(subject).version()).isEqualTo(1);
        assertThat(uncached.latest(subject).version()).isEqualTo(2);
        cached.register(subject, V2); // its own registration drops its cached latest
        assertThat(cached.latest(subject)).isEqualTo(uncached.latest(subject));
    }

    @Test
    void shouldRoundTripSubjectWhenItHasReservedCharacters() {
        String reserved = REGISTRY.unique("team a") + "/events-value";

        int id = client.register(reserved, V1);

        assertThat(client.subjects()).contains(reserved);
        assertThat(client.versions(reserved)).containsExactly(1);
        assertThat(client(REGISTRY.url()).latest(reserved)).isEqualTo(new SubjectVersion(reserved, 1, id, V1));
    }
}
