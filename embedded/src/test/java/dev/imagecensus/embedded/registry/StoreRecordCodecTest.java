package dev.imagecensus.embedded.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.embedded.registry.StoreRecord.SchemaVersion;
import org.junit.jupiter.api.Test;

class StoreRecordCodecTest {

    private final StoreRecordCodec codec = new StoreRecordCodec();

    @Test
    void shouldWriteConfluentLikeKeysAndValuesWhenSchemaVersionEncoded() {
        SchemaVersion version = new SchemaVersion("users-value", 2, 7, "\"string\"", false);

        assertThat(new String(codec.key(version), UTF_8))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"users-value\",\"version\":2,\"magic\":1}");
        assertThat(new String(codec.value(version), UTF_8)).isEqualTo(
                "{\"subject\":\"users-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
        assertThat(codec.decode(codec.key(version), codec.value(version))).contains(version);
    }

    @Test
    void shouldUseSameKeyWhenVersionIsSoftDeleted() {
        SchemaVersion live = new SchemaVersion("users-value", 1, 1, "\"string\"", false);

        assertThat(codec.key(live.asDeleted())).isEqualTo(codec.key(live));
        assertThat(codec.decode(codec.key(live), codec.value(live.asDeleted()))).contains(live.asDeleted());
    }

    @Test
    void shouldRoundTripGlobalAndSubjectConfigAndTombstoneRemoval() {
        StoreRecord global = new StoreRecord.Config(null, CompatibilityLevel.FULL);
        StoreRecord subject = new StoreRecord.Config("users-value", CompatibilityLevel.NONE);
        StoreRecord removed = new StoreRecord.Config("users-value", null);

        assertThat(new String(codec.key(global), UTF_8)).isEqualTo("{\"keytype\":\"CONFIG\",\"magic\":0}");
        assertThat(new String(codec.value(subject), UTF_8)).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(codec.value(removed)).isNull();
        assertThat(codec.key(removed)).isEqualTo(codec.key(subject));
        for (StoreRecord r : new StoreRecord[] {global, subject, removed}) {
            assertThat(codec.decode(codec.key(r), codec.value(r))).contains(r);
        }
    }

    @Test
    void shouldSkipRecordKindsItDoesNotUse() {
        assertThat(codec.decode("{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(UTF_8), null)).isEmpty();
        assertThat(codec.decode("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}".getBytes(UTF_8),
                null)).isEmpty();
    }

    @Test
    void shouldFailWhenRecordMalformed() {
        assertThatThrownBy(() -> codec.decode("{not json".getBytes(UTF_8), null))
                .isInstanceOf(SchemaStoreException.class);
        assertThatThrownBy(() -> codec.decode("{\"keytype\":\"SCHEMA\"}".getBytes(UTF_8), "{}".getBytes(UTF_8)))
                .isInstanceOf(SchemaStoreException.class);
    }
}
