package dev.imagecensus.aggregator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final String NGINX = "docker.io/library/nginx:1.27";
    private static final long AT = Instant.parse("2026-11-23T04:54:28Z").toEpochMilli();
    private final ImageUsage one = ImageUsage.NONE.plus(Containers.of("default", "web-7d67dc9ff9-mfll9", "nginx", NGINX, null));

    @Test
    void shouldEnterWhenInUseAndNotRecorded() {
        assertThat(AuditEntry.transition(false, one)).contains(AuditAction.ENTERED);
    }

    @Test
    void shouldLeaveWhenRecordedAndNoLongerInUse() {
        assertThat(AuditEntry.transition(true, one.minus(Containers.of("default", "web-7d67dc9ff9-mfll9", "nginx", NGINX, null))))
                .contains(AuditAction.LEFT);
        assertThat(AuditEntry.transition(true, null)).contains(AuditAction.LEFT);
    }

    @Test
    void shouldDoNothingWhenTheRecordAlreadyAgrees() {
        assertThat(AuditEntry.transition(true, one)).isEmpty();
        assertThat(AuditEntry.transition(true, one.plus(Containers.of("a", "b", "c", NGINX, null)))).isEmpty();
        assertThat(AuditEntry.transition(false, ImageUsage.NONE)).isEmpty();
        assertThat(AuditEntry.transition(false, null)).isEmpty();
    }

    @Test
    void shouldFormatKimagerLinesWhenEnteredOrLeft() {
        // Given entries attributed to a pod
        AuditEntry entered = AuditEntry.of(NGINX, AuditAction.ENTERED, one, AT);
        AuditEntry left = new AuditEntry("ghcr.io/org/app:1", AuditAction.LEFT, AT, "prod", "shop", "app-0", null);

        // Then the lines read exactly like kimager's, with familiar image names
        assertThat(KimagerLine.format(entered))
                .isEqualTo("[2026-11-23T04:54:28Z INFO ] [+|image]  nginx:1.27  [default|web-7d67dc9ff9-mfll9]");
        assertThat(KimagerLine.format(left))
                .isEqualTo("[2026-11-23T04:54:28Z INFO ] [-|image]  ghcr.io/org/app:1  [shop|app-0]");
    }

    @Test
    void shouldKeepTheBracketsWhenNoContainerIsKnown() {
        AuditEntry anonymous = AuditEntry.of("docker.io/org/app:2", AuditAction.LEFT, null, AT);
        assertThat(KimagerLine.format(anonymous)).isEqualTo("[2026-11-23T04:54:28Z INFO ] [-|image]  org/app:2  [|]");
    }
}
