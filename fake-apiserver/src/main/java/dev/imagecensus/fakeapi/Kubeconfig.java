package dev.imagecensus.fakeapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a kubeconfig for a {@link FakeApiServer}: one cluster (plain HTTP), one token user and one
 * current context, readable by {@code kubectl}, {@code Config.fromConfig(path)} and
 * {@code ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader))}.
 */
public final class Kubeconfig {

  /** Context, cluster and user name in the file. */
  public static final String CONTEXT = "fake";
  /** Token written when the server does not require a particular one. */
  public static final String DEFAULT_TOKEN = "fake-token";

  private Kubeconfig() {}

  /** Writes the kubeconfig for {@code server} (its required token, else {@link #DEFAULT_TOKEN}). */
  public static Path write(FakeApiServer server, Path file) throws IOException {
    String token = server.bearerToken() != null ? server.bearerToken() : DEFAULT_TOKEN;
    Files.writeString(file, render(server.url(), token, "default"), StandardCharsets.UTF_8);
    return file;
  }

  /** The kubeconfig YAML for a server URL, bearer token and default namespace. */
  public static String render(String serverUrl, String token, String namespace) {
    return String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: " + CONTEXT,
        "  cluster:",
        "    server: " + quote(serverUrl),
        "contexts:",
        "- name: " + CONTEXT,
        "  context:",
        "    cluster: " + CONTEXT,
        "    user: " + CONTEXT,
        "    namespace: " + quote(namespace),
        "current-context: " + CONTEXT,
        "users:",
        "- name: " + CONTEXT,
        "  user:",
        "    token: " + quote(token),
        "");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
