package dev.imagecensus.watcher.kube;

import dev.imagecensus.watcher.model.ResourceType;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import okhttp3.Call;

/**
 * Builds list and watch calls (all namespaces) with client-java's generated request builders, so paths, query
 * encoding and authentication are the client's; only the response body is ours to read.
 */
interface ResourceCalls {

    /** A paged list: no resourceVersion on the first page (a consistent read), then the continue token. */
    Call list(int limit, String continueToken) throws ApiException;

    /** A watch with bookmarks from {@code resourceVersion}. */
    Call watch(String resourceVersion, int timeoutSeconds) throws ApiException;

    static ResourceCalls of(ResourceType type, ApiClient client) {
        return switch (type) {
            case POD -> pods(new CoreV1Api(client));
            case REPLICA_SET -> replicaSets(new AppsV1Api(client));
            case JOB -> jobs(new BatchV1Api(client));
        };
    }

    private static ResourceCalls pods(CoreV1Api api) {
        return new ResourceCalls() {
            @Override
            public Call list(int limit, String continueToken) throws ApiException {
                return api.listPodForAllNamespaces().limit(limit)._continue(continueToken).buildCall(null);
            }

            @Override
            public Call watch(String resourceVersion, int timeoutSeconds) throws ApiException {
                return api.listPodForAllNamespaces().watch(true).allowWatchBookmarks(true)
                        .resourceVersion(resourceVersion).timeoutSeconds(timeoutSeconds).buildCall(null);
            }
        };
    }

    private static ResourceCalls replicaSets(AppsV1Api api) {
        return new ResourceCalls() {
            @Override
            public Call list(int limit, String continueToken) throws ApiException {
                return api.listReplicaSetForAllNamespaces().limit(limit)._continue(continueToken).buildCall(null);
            }

            @Override
            public Call watch(String resourceVersion, int timeoutSeconds) throws ApiException {
                return api.listReplicaSetForAllNamespaces().watch(true).allowWatchBookmarks(true)
                        .resourceVersion(resourceVersion).timeoutSeconds(timeoutSeconds).buildCall(null);
            }
        };
    }

    private static ResourceCalls jobs(BatchV1Api api) {
        return new ResourceCalls() {
            @Override
            public Call list(int limit, String continueToken) throws ApiException {
                return api.listJobForAllNamespaces().limit(limit)._continue(continueToken).buildCall(null);
            }

            @Override
            public Call watch(String resourceVersion, int timeoutSeconds) throws ApiException {
                return api.listJobForAllNamespaces().watch(true).allowWatchBookmarks(true)
                        .resourceVersion(resourceVersion).timeoutSeconds(timeoutSeconds).buildCall(null);
            }
        };
    }
}
