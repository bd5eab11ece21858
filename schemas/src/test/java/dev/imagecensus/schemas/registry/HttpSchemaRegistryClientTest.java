package dev.imagecensus.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.registry.CannedHttpServer.Request;
import dev.imagecensus.schemas.registry.CannedHttpServer.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's transport: what it puts on the wire (paths, headers, auth, body) and how it handles connection
 * failures, retries and non-Avro answers, against canned HTTP. What a registry answers and what the client caches
 * of it are tested against the real embedded registry: {@code HttpSchemaRegistryClientRegistryTest} (embedded).
 */
class HttpSchemaRegistryClientTest {

    private CannedHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = CannedHttpServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> configs = new HashMap<>(Map.of(SchemaRegistryClientConfig.URL, server.url(),
                "max.retries", 0, "retries.wait.ms", 1, "retries.max.wait.ms", 5));
        configs.putAll(extra);
        return HttpSchemaRegistryClient.fromConfig(configs);
    }

    @Test
    void shouldPostSchemaAsJsonStringWhenRegistering() throws Exception {
        server.answer(200, "{\"id\":7}");

        int id = client(Map.of()).register("image-events-value", ImageEvent.getClassSchema());

        Request request = server.requests().get(0);
        assertThat(id).isEqualTo(7);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/subjects/image-events-value/versions");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.has("schemaType")).isFalse();
        assertThat(new Schema.Parser().parse(body.get("schema").asText())).isEqualTo(ImageEvent.getClassSchema());
    }

    @Test
    void shouldEncodeSubjectWhenItHasReservedCharacters() {
        server.answer(200, "[1,2]");

        assertThat(client(Map.of()).versions("team a/events-value")).containsExactly(1, 2);
        assertThat(server.requests().get(0).rawPath()).isEqualTo("/subjects/team%20a%2Fevents-value/versions");
    }

    @Test
    void shouldRejectWhenSchemaTypeIsNotAvro() {
        server.answer(200, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}");

        assertThatThrownBy(() -> client(Map.of()).schemaById(3))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA))
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void shouldSendBasicAuthWhenUserInfoIsConfigured() {
        server.answer(200, "[]");

        client(Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "alice:s3cr3t")).subjects();

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo(basic("alice:s3cr3t"));
    }

    @Test
    void shouldTakeCredentialsFromUrlWhenSourceIsUrl() {
        server.answer(200, "[\"a\"]");
        String url = server.url().replace("://", "://bob:pa%40ss@");

        assertThat(client(Map.of(SchemaRegistryClientConfig.URL, url)).subjects()).containsExactly("a");
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo(basic("bob:pa@ss"));
    }

    @Test
    void shouldSendNoAuthWhenNoneIsConfigured() {
        server.answer(200, "[]");

        client(Map.of()).subjects();

        assertThat(server.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void shouldFailOverToNextUrlWhenFirstIsUnreachable() throws Exception {
        server.answer(200, "[\"a\"]").answer(200, "[\"b\"]");
        String urls = "http://127.0.0.1:" + CannedHttpServer.deadPort() + "," + server.url();
        SchemaRegistryClient client = client(Map.of(SchemaRegistryClientConfig.URL, urls));

        assertThat(client.subjects()).containsExactly("a");
        assertThat(client.subjects()).containsExactly("b");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void shouldThrowIoErrorNamingUrlWhenNoUrlAnswers() throws Exception {
        int dead = CannedHttpServer.deadPort();
        SchemaRegistryClient client = client(Map.of(SchemaRegistryClientConfig.URL, "http://127.0.0.1:" + dead, "max.retries", 1));

        assertThatThrownBy(client::subjects)
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.IO_ERROR))
                .hasMessageContaining("127.0.0.1:" + dead);
    }

    @Test
    void shouldRetryWhenRegistryIsUnavailable() {
        server.answer(new Response(503, "", Map.of("Retry-After", "0")))
                .answer(500, "{\"error_code\":50001,\"message\":\"store error\"}")
                .answer(200, "[\"a\"]");

        assertThat(client(Map.of("max.retries", 2)).subjects()).containsExactly("a");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void shouldGiveUpWithLastErrorWhenRetriesAreExhausted() {
        server.answer(503, "").answer(429, "{\"error_code\":42901,\"message\":\"slow down\"}");

        assertThatThrownBy(() -> client(Map.of("max.retries", 1)).subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42901));
    }

    @Test
    void shouldNotRetryWhenUnauthorized() {
        server.answer(401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}").answer(200, "[]");

        assertThatThrownBy(() -> client(Map.of("max.retries", 3)).subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo(40101);
                });
        assertThat(server.requests()).hasSize(1);
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
