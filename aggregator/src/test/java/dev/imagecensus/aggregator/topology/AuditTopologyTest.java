package dev.imagecensus.aggregator.topology;

import static dev.imagecensus.aggregator.topology.Events.container;
import static dev.imagecensus.aggregator.topology.Events.ref;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.imagecensus.aggregator.AggregatorStores;
import dev.imagecensus.schemas.avro.AuditAction;
import dev.imagecensus.schemas.avro.ImageAudit;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Audit: exactly one ENTERED / LEFT per transition, derived from the changelogged audit store. */
class AuditTopologyTest {

    private static final String DIGEST = "sha256:" + "c".repeat(64);

    private TopologyFixture fixture;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void start() {
        fixture = TopologyFixture.start();
        log.start();
        ((Logger) LoggerFactory.getLogger("image-census.audit")).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("image-census.audit")).detachAppender(log);
        fixture.close();
    }

    @Test
    void shouldEmitEnteredNamingTheContainerWhenAnImageGetsItsFirstContainer() {
        // Given no container uses nginx:1.27
        var web1 = container("default", "web-7d67dc9ff9-mfll9", "nginx").digest(DIGEST);

        // When its first container is added
        fixture.pipe(web1, web1.added());

        // Then one ENTERED names that container, at the time of the change
        List<KeyValue<String, ImageAudit>> audits = fixture.audit.readKeyValuesToList();
        assertThat(audits).hasSize(1);
        ImageAudit entered = audits.get(0).value;
        assertThat(audits.get(0).key).isEqualTo(ref("nginx:1.27"));
        assertThat(entered.getAction()).isEqualTo(AuditAction.ENTERED);
        assertThat(entered.getAt()).isEqualTo(fixture.now());
        assertThat(entered.getCluster()).isEqualTo(Events.CLUSTER);
        assertThat(entered.getNamespace()).isEqualTo("default");
        assertThat(entered.getPod()).isEqualTo("web-7d67dc9ff9-mfll9");
        assertThat(entered.getDigest()).isEqualTo(DIGEST);
        // And the kimager line is logged
        assertThat(lines()).containsExactly("[2026-11-23T04:54:29Z INFO ] [+|image]  nginx:1.27  [default|web-7d67dc9ff9-mfll9]");
        assertThat(fixture.entries(AggregatorStores.AUDIT_STATE)).containsOnlyKeys(ref("nginx:1.27"));
    }

    @Test
    void shouldEmitNothingMoreWhenTheImageStaysInUse() {
        // Given an image that entered
        var web1 = container("default", "web-1", "nginx");
        var web2 = container("default", "web-2", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.audit.readKeyValuesToList();

        // When the same ADDED repeats, a second container arrives, a digest resolves and one of two leaves
        fixture.pipe(web1, web1.added());
        fixture.pipe(web2, web2.added());
        fixture.pipe(web1, web1.digest(DIGEST).updated());
        fixture.pipe(web1, web1.deleted());
        fixture.tombstone(web1);

        // Then no audit record follows
        assertThat(fixture.audit.isEmpty()).isTrue();
        assertThat(lines()).hasSize(1);
    }

    @Test
    void shouldEmitLeftNamingTheLastContainerWhenTheLastContainerGoes() {
        // Given two containers of an image
        var web1 = container("default", "web-1", "nginx");
        var web2 = container("shop", "web-2", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.pipe(web2, web2.added());
        fixture.audit.readKeyValuesToList();

        // When both go, the second with a DELETED and its tombstone
        fixture.pipe(web1, web1.deleted());
        fixture.pipe(web2, web2.deleted());
        fixture.tombstone(web2);

        // Then exactly one LEFT names the last one, at the time it went
        List<ImageAudit> audits = fixture.audit.readValuesToList();
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0).getAction()).isEqualTo(AuditAction.LEFT);
        assertThat(audits.get(0).getNamespace()).isEqualTo("shop");
        assertThat(audits.get(0).getPod()).isEqualTo("web-2");
        assertThat(audits.get(0).getAt()).isEqualTo(Events.T0.plusSeconds(4));
        assertThat(lines()).last().isEqualTo("[2026-11-23T04:54:32Z INFO ] [-|image]  nginx:1.27  [shop|web-2]");
        assertThat(fixture.entries(AggregatorStores.AUDIT_STATE)).isEmpty();
    }

    @Test
    void shouldEmitLeftAndEnteredWhenTheOnlyContainerChangesImageInPlace() {
        // Given one container on nginx:1.27
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.audit.readKeyValuesToList();

        // When it is patched to nginx:1.28
        fixture.pipe(web1, web1.image("nginx:1.28").updated());

        // Then nginx:1.27 left and nginx:1.28 entered
        assertThat(fixture.audit.readKeyValuesToList()).extracting(kv -> kv.key + " " + kv.value.getAction())
                .containsExactlyInAnyOrder(ref("nginx:1.27") + " LEFT", ref("nginx:1.28") + " ENTERED");
    }

    @Test
    void shouldEnterAgainWhenAnImageReturnsAfterLeaving() {
        // Given an image that entered and left
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());
        fixture.pipe(web1, web1.deleted());
        fixture.tombstone(web1);

        // When a container uses it again
        var web2 = container("default", "web-2", "nginx");
        fixture.pipe(web2, web2.added());

        // Then the audit reads ENTERED, LEFT, ENTERED
        assertThat(fixture.audit.readValuesToList()).extracting(ImageAudit::getAction)
                .containsExactly(AuditAction.ENTERED, AuditAction.LEFT, AuditAction.ENTERED);
    }

    @Test
    void shouldNotEnterAgainWhenTheRestoredAuditStoreAlreadyRecordsTheImage() {
        // Given an audit store restored from its changelog saying nginx:1.27 already entered (e.g. after a restart)
        fixture.store(AggregatorStores.AUDIT_STATE).put(ref("nginx:1.27"), new AuditMark(Events.T0.toEpochMilli()));

        // When a container of nginx:1.27 is (re)processed
        var web1 = container("default", "web-1", "nginx");
        fixture.pipe(web1, web1.added());

        // Then no second ENTERED is emitted, and its departure still yields LEFT
        assertThat(fixture.audit.isEmpty()).isTrue();
        fixture.pipe(web1, web1.deleted());
        assertThat(fixture.audit.readValuesToList()).extracting(ImageAudit::getAction).containsExactly(AuditAction.LEFT);
    }

    private List<String> lines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
