package dev.imagecensus.embedded.registry;

import static dev.imagecensus.embedded.registry.RegistryHttp.field;
import static dev.imagecensus.embedded.registry.RegistryHttp.json;
import static dev.imagecensus.embedded.registry.RegistryHttp.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.embedded.registry.RegistryHttp.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EmbeddedSchemaRegistryTest {

    @Test
    void shouldKeepIdsVersionsAndConfigWhenRestartedOnSameStore() {
        EmbeddedSchemaRegistryConfig config = EmbeddedSchemaRegistryConfig.inMemory();
        int usersId;
        int auditId;
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(config)) {
            RegistryHttp http = new RegistryHttp(first.url());
            usersId = http.registerOk("users-value", record("User", field("name", "string")));
            auditId = http.registerOk("audit-value", record("Audit", field("at", "long")));
            http.put("/config/audit-value", json("compatibility", "NONE"));
            http.delete("/subjects/audit-value");
        }

        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(config)) {
            RegistryHttp http = new RegistryHttp(second.url());
            assertThat(http.get("/subjects/users-value/versions/1").json().get("id").asInt()).isEqualTo(usersId);
            assertThat(http.get("/schemas/ids/" + auditId).status()).isEqualTo(200);
            assertThat(SubjectsEndpointTest.texts(http.get("/subjects").json())).containsExactly("users-value");
            assertThat(http.get("/config/audit-value").json().get("compatibilityLevel").asText()).isEqualTo("NONE");
            assertThat(http.registerOk("new-value", record("New", field("x", "int")))).isEqualTo(auditId + 1);
        }
    }

    @Test
    void shouldHandOutOneIdPerSchemaWhenRegistrationsRace() throws Exception {
        int schemas = 20;
        int clients = 8;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                EmbeddedSchemaRegistryConfig.inMemory().withDefaultCompatibility(CompatibilityLevel.NONE))) {
            RegistryHttp http = new RegistryHttp(registry.url());
            Map<Integer, Set<Integer>> idsBySchema = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < schemas; i++) {
                            int s = (i + client) % schemas; // every client registers every schema, in another order
                            int id = http.registerOk("subject-" + (s % 3), record("S" + s, field("f", "int")));
                            idsBySchema.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).add(id);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }

            Set<Integer> distinct = new HashSet<>();
            idsBySchema.values().forEach(ids -> {
                assertThat(ids).hasSize(1);
                distinct.addAll(ids);
            });
            assertThat(distinct).hasSize(schemas);
            assertThat(distinct).allSatisfy(id -> assertThat(id).isBetween(1, schemas));
        }
    }

    @Test
    void shouldAnswer50001AndRecoverWhenStoreWriteFails() {
        FailingStore store = new FailingStore();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                EmbeddedSchemaRegistryConfig.inMemory().withStore(() -> store))) {
            RegistryHttp http = new RegistryHttp(registry.url());
            store.failNext.set(true);

            Response failed = http.register("users-value", record("User", field("name", "string")));

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.errorCode()).isEqualTo(50001);
            assertThat(http.get("/subjects/users-value/versions").errorCode()).isEqualTo(40401);
            assertThat(http.registerOk("users-value", record("User", field("name", "string")))).isEqualTo(1);
            assertThat(store.replays).isEqualTo(2); // start, then the re-read after the failure
        }
    }

    @Test
    void shouldFailWithinTimeoutWhenKafkaUnreachable() {
        // Port 1 on loopback: nothing listens there.
        EmbeddedSchemaRegistryConfig config = EmbeddedSchemaRegistryConfig.kafka(
                KafkaSchemaStoreConfig.defaults("127.0.0.1:1").withTimeout(Duration.ofSeconds(2)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(config))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("127.0.0.1:1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void shouldFailWithSettingNameWhenConfigInvalid() {
        EmbeddedSchemaRegistryConfig config = EmbeddedSchemaRegistryConfig.inMemory();

        assertThatThrownBy(() -> config.withPort(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> config.withThreads(0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> config.withHost(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> KafkaSchemaStoreConfig.defaults("")).hasMessageContaining("bootstrapServers");
    }

    @Test
    void shouldMaskSecretsWhenKafkaStoreConfigPrinted() {
        KafkaSchemaStoreConfig config = KafkaSchemaStoreConfig.defaults("broker:9092").withClientProperties(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", "PlainLoginModule required password=\"s3cret\";",
                "ssl.truststore.password", "s3cret"));

        assertThat(config.toString()).contains("SASL_SSL").contains("_schemas").doesNotContain("s3cret");
    }

    /** An in-memory store whose next append can be made to fail. */
    private static final class FailingStore implements SchemaStore {
        final InMemorySchemaStore delegate = new InMemorySchemaStore();
        final AtomicBoolean failNext = new AtomicBoolean();
        int replays;

        @Override
        public void replay(Consumer<StoreRecord> sink) {
            replays++;
            delegate.replay(sink);
        }

        @Override
        public void append(StoreRecord record) {
            if (failNext.getAndSet(false)) {
                throw new SchemaStoreException("disk on fire");
            }
            delegate.append(record);
        }

        @Override
        public void close() {
        }
    }
}
