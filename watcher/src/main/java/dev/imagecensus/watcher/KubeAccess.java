package dev.imagecensus.watcher;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How the watcher reaches the Kubernetes API: the pod's service account, or a kubeconfig file and context. */
public sealed interface KubeAccess {

    /** In-cluster: the service account token and CA mounted into the pod, the API at {@code KUBERNETES_SERVICE_*}. */
    record InCluster() implements KubeAccess {
        @Override
        public String toString() {
            return "in-cluster";
        }
    }

    /**
     * A kubeconfig file.
     *
     * @param context the context to use; empty = the file's {@code current-context}
     */
    record Kubeconfig(Path path, Optional<String> context) implements KubeAccess {
        public Kubeconfig {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String toString() {
            return "kubeconfig " + path + context.map(c -> " context " + c).orElse("");
        }
    }

    static KubeAccess inCluster() {
        return new InCluster();
    }

    static KubeAccess kubeconfig(Path path, String context) {
        return new Kubeconfig(path, Optional.ofNullable(context).filter(c -> !c.isBlank()));
    }
}
