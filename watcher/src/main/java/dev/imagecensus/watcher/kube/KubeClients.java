package dev.imagecensus.watcher.kube;

import dev.imagecensus.watcher.KubeAccess;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Builds the official client's {@link ApiClient} for a {@link KubeAccess}, with the read timeout watches need. */
public final class KubeClients {

    private KubeClients() {
    }

    /**
     * @throws IOException              when the kubeconfig or the service-account files cannot be read
     * @throws IllegalArgumentException when the kubeconfig has no such context
     */
    public static ApiClient create(KubeAccess access) throws IOException {
        ApiClient client;
        if (access instanceof KubeAccess.Kubeconfig file) {
            KubeConfig kubeConfig;
            try (Reader reader = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
                kubeConfig = KubeConfig.loadKubeConfig(reader);
            }
            kubeConfig.setFile(file.path().toAbsolutePath().toFile()); // relative certificate paths resolve beside it
            if (file.context().isPresent() && !kubeConfig.setContext(file.context().get())) {
                throw new IllegalArgumentException("kubeconfig " + file.path() + " has no context '" + file.context().get() + "'");
            }
            client = ClientBuilder.kubeconfig(kubeConfig).build();
        } else {
            client = ClientBuilder.cluster().build();
        }
        // Watches are long-lived: a read timeout would cut them and force needless relists. Calls get deadlines instead.
        client.setReadTimeout(0);
        return client;
    }
}
