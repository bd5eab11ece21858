package dev.imagecensus.watcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.schemas.avro.ImageEventType;
import dev.imagecensus.watcher.http.WatcherMetrics;
import dev.imagecensus.watcher.inventory.Change;
import dev.imagecensus.watcher.inventory.ChangeType;
import dev.imagecensus.watcher.inventory.ContainerRecord;
import dev.imagecensus.watcher.inventory.PodFacts;
import dev.imagecensus.watcher.model.ContainerKind;
import dev.imagecensus.watcher.model.OwnerRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EventPublisherTest {

    private static final ContainerRecord NGINX = new ContainerRecord(
            new PodFacts("u1", "ns", "web", "Running", null, "1", new OwnerRef("Pod", "web")), "nginx", ContainerKind.APP,
            "nginx:1.27", null);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RefusingProducer producer = new RefusingProducer();
    private final EventPublisher publisher = new EventPublisher(producer, "image-events", "prod", new WatcherMetrics(meters));

    @Test
    void shouldFollowADeleteWithATombstoneWhenPublishingDeleted() throws Exception {
        publisher.publish(new Change(ChangeType.ADDED, NGINX), Instant.EPOCH);
        publisher.publish(new Change(ChangeType.DELETED, NGINX), Instant.EPOCH);

        assertThat(producer.history()).extracting(ProducerRecord::key).containsOnly("prod/u1/nginx").hasSize(3);
        assertThat(producer.history()).extracting(r -> r.value() == null ? null : r.value().getType())
                .containsExactly(ImageEventType.ADDED, ImageEventType.DELETED, null);
    }

    @Test
    void shouldWaitAndRetryWhenKafkaCannotTakeTheRecord() throws Exception {
        producer.refusals = 2; // as send() reports a full buffer / missing metadata after max.block.ms

        publisher.publish(new Change(ChangeType.ADDED, NGINX), Instant.EPOCH);

        assertThat(producer.history()).hasSize(1);
        assertThat(publisher.problem()).isEmpty();
        assertThat(meters.get("imagecensus.watcher.kafka.blocked").counter().count()).isEqualTo(2);
    }

    @Test
    void shouldStopPublishingWhenAnAcceptedRecordFails() throws Exception {
        MockProducer<String, ImageEvent> manual = new MockProducer<>(false, null,
                new StringSerializer(), noBytes());
        EventPublisher failing = new EventPublisher(manual, "image-events", "prod", new WatcherMetrics(meters));
        failing.publish(new Change(ChangeType.ADDED, NGINX), Instant.EPOCH);

        manual.errorNext(new RecordTooLargeException("too large"));

        assertThat(failing.problem()).get().asString().contains("producer failed");
        assertThatThrownBy(() -> failing.publish(new Change(ChangeType.UPDATED, NGINX), Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldStopPublishingWhenSendRejectsTheRecordPermanently() {
        producer.permanent = new RecordTooLargeException("too large");

        assertThatThrownBy(() -> publisher.publish(new Change(ChangeType.ADDED, NGINX), Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class);
        assertThat(publisher.fatal()).isPresent();
    }

    private static Serializer<ImageEvent> noBytes() {
        return (topic, value) -> new byte[0];
    }

    /** Reports failures through the callback inside send(), as KafkaProducer does for errors before appending. */
    private static final class RefusingProducer extends MockProducer<String, ImageEvent> {
        int refusals;
        RuntimeException permanent;

        RefusingProducer() {
            super(true, null, new StringSerializer(), noBytes());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, ImageEvent> record, Callback callback) {
            Exception refusal = permanent != null ? permanent : refusals-- > 0 ? new TimeoutException("buffer full") : null;
            if (refusal != null) {
                callback.onCompletion(null, refusal);
                return CompletableFuture.failedFuture(refusal);
            }
            return super.send(record, callback);
        }
    }
}
