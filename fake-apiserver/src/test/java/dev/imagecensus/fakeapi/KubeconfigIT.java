package dev.imagecensus.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.KubeConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official client configured from the kubeconfig the fake server writes: token over plain HTTP. */
class KubeconfigIT {

  @TempDir
  Path dir;

  private FakeApiServer server;
  private Path kubeconfig;

  @BeforeEach
  void start() throws Exception {
    server = FakeApiServer.builder().bearerToken("s3cret").start();
    server.cluster().create(ResourceKind.NAMESPACE, TestObjects.namespace("default"));
    kubeconfig = Kubeconfig.write(server, dir.resolve("kubeconfig"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldAuthenticateWithTokenWhenClientIsBuiltFromConfigFromConfig() throws Exception {
    ApiClient client = Config.fromConfig(kubeconfig.toString());

    assertThat(new CoreV1Api(client).listNamespace().execute().getItems()).hasSize(1);
    assertThat(client.getBasePath()).isEqualTo(server.url());
  }

  @Test
  void shouldAuthenticateWithTokenWhenClientIsBuiltByClientBuilderKubeconfig() throws Exception {
    ApiClient client;
    try (Reader reader = Files.newBufferedReader(kubeconfig)) {
      client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
    }

    assertThat(new CoreV1Api(client).readNamespace("default").execute().getMetadata().getName()).isEqualTo("default");
    assertThat(client.getReadTimeout()).as("watches need no read timeout").isZero();
  }

  @Test
  void shouldAnswerUnauthorizedWhenTokenIsMissing() {
    ApiClient anonymous = new ClientBuilder().setBasePath(server.url()).build();

    assertThatThrownBy(() -> new CoreV1Api(anonymous).listNamespace().execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
  }
}
