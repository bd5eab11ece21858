package dev.imagecensus.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {

  @Test
  void shouldRouteCollectionsAndObjectsWhenPathsAreKubernetesPaths() {
    assertThat(Route.parse("/api/v1/pods")).contains(new Route(ResourceKind.POD, null, null));
    assertThat(Route.parse("/api/v1/namespaces/kube-system/pods"))
        .contains(new Route(ResourceKind.POD, "kube-system", null));
    assertThat(Route.parse("/api/v1/namespaces/a/pods/web-1")).contains(new Route(ResourceKind.POD, "a", "web-1"));
    assertThat(Route.parse("/apis/apps/v1/replicasets")).contains(new Route(ResourceKind.REPLICA_SET, null, null));
    assertThat(Route.parse("/apis/batch/v1/namespaces/a/jobs")).contains(new Route(ResourceKind.JOB, "a", null));
    assertThat(Route.parse("/api/v1/namespaces")).contains(new Route(ResourceKind.NAMESPACE, null, null));
    assertThat(Route.parse("/api/v1/namespaces/a")).contains(new Route(ResourceKind.NAMESPACE, null, "a"));
  }

  @Test
  void shouldNotRouteWhenPathIsUnknownOrScopeIsWrong() {
    assertThat(Route.parse("/")).isEmpty();
    assertThat(Route.parse("/api/v1/services")).isEmpty();
    assertThat(Route.parse("/apis/apps/v1/jobs")).isEmpty();
    assertThat(Route.parse("/api/v1/pods/web-1")).isEmpty(); // a pod needs its namespace
    assertThat(Route.parse("/api/v1/namespaces/a/namespaces")).isEmpty();
    assertThat(Route.parse("/api/v1/namespaces/a/pods/web-1/status")).isEmpty();
  }
}
