package dev.imagecensus.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kubernetes YAML decoded STRICTLY into the official client's generated models: the models' own
 * {@code validateJsonElement} rejects unknown fields and missing required ones, as the API server would.
 */
public final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", V1Namespace.class,
            "v1/ServiceAccount", V1ServiceAccount.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "rbac.authorization.k8s.io/v1/ClusterRole", V1ClusterRole.class,
            "rbac.authorization.k8s.io/v1/ClusterRoleBinding", V1ClusterRoleBinding.class);

    private Manifests() {
    }

    /** Every document of a manifest file as its model object. */
    public static List<Object> decodeFile(Path file) throws IOException {
        return decode(Files.readString(file));
    }

    /** Every document of a YAML stream as its model object; fails on an unknown kind or field. */
    public static List<Object> decode(String yaml) throws IOException {
        List<Object> objects = new ArrayList<>();
        for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
            if (doc == null || doc.isNull() || doc.isEmpty()) {
                continue;
            }
            String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
            Class<?> model = MODELS.get(type);
            if (model == null) {
                throw new IllegalArgumentException("no model for " + type + ": add it to Manifests.MODELS");
            }
            objects.add(JSON.deserialize(JSON_MAPPER.writeValueAsString(doc), model));
        }
        return objects;
    }

    /** {@code kubectl kustomize dir}, or {@code null} when {@code kubectl} is not installed. */
    public static String kubectlKustomize(Path dir) throws Exception {
        Path out = Files.createTempFile("kustomize-", ".yaml");
        try {
            Process p;
            try {
                p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
            } catch (IOException e) {
                return null;
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + Files.readString(out));
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The objects of one model type. */
    public static <T> List<T> ofType(List<Object> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
