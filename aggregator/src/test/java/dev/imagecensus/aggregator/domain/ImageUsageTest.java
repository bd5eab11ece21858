package dev.imagecensus.aggregator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageUsageTest {

    private static final String NGINX = "docker.io/library/nginx:1.27";
    private final LiveContainer a = Containers.of("default", "web-1", "nginx", NGINX, "sha256:a");
    private final LiveContainer b = Containers.of("shop", "web-2", "nginx", NGINX, null);

    @Test
    void shouldCountPerNamespaceAndDigestWhenContainersAreAdded() {
        // When two containers are added
        ImageUsage usage = ImageUsage.NONE.plus(a).plus(b);

        // Then both count, the unknown digest is left out, and the last change names the second container
        assertThat(usage.containers()).isEqualTo(2);
        assertThat(usage.namespaces()).isEqualTo(Map.of("default", 1, "shop", 1));
        assertThat(usage.digests()).isEqualTo(Map.of("sha256:a", 1));
        assertThat(usage.firstSeen()).isEqualTo(1_000L);
        assertThat(usage.lastChange()).isEqualTo(new UsageChange(UsageChange.Kind.ADDED, "prod", "shop", "web-2", null));
    }

    @Test
    void shouldReturnToNothingButNameTheLeaverWhenEveryAddedContainerIsSubtracted() {
        // Given two containers
        ImageUsage usage = ImageUsage.NONE.plus(a).plus(b);

        // When both are subtracted
        ImageUsage empty = usage.minus(b).minus(a);

        // Then nothing is in use, no counts are left, and the last change is the removal of a
        assertThat(empty.inUse()).isFalse();
        assertThat(empty.namespaces()).isEmpty();
        assertThat(empty.digests()).isEmpty();
        assertThat(empty.lastChange().kind()).isEqualTo(UsageChange.Kind.REMOVED);
        assertThat(empty.lastChange().pod()).isEqualTo("web-1");
    }

    @Test
    void shouldKeepFirstSeenWhenTheOnlyContainerIsReplacedInOneUpdate() {
        // Given one container, first seen at 1000
        ImageUsage usage = ImageUsage.NONE.plus(a);
        LiveContainer later = new LiveContainer("prod", "default", "web-1", "uid-web-1", "nginx", "APP", NGINX, NGINX,
                "sha256:b", "Running", "Deployment", "web", 5_000L);

        // When an update subtracts the old value and adds the new one (same image)
        ImageUsage updated = usage.minus(a).plus(later);

        // Then the image never left: firstSeen stays
        assertThat(updated.containers()).isEqualTo(1);
        assertThat(updated.firstSeen()).isEqualTo(1_000L);
        assertThat(updated.digests()).isEqualTo(Map.of("sha256:b", 1));
    }

    @Test
    void shouldNeverGoBelowZeroWhenARemovalWasNeverAdded() {
        assertThat(ImageUsage.NONE.minus(a)).isEqualTo(ImageUsage.NONE);
    }
}
