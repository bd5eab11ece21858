package dev.imagecensus.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.schemas.avro.ImageEvent;
import dev.imagecensus.watcher.http.WatcherMetrics;
import dev.imagecensus.watcher.inventory.InventoryController;
import dev.imagecensus.watcher.inventory.NamespaceFilter;
import dev.imagecensus.watcher.inventory.PodEvaluator;
import dev.imagecensus.watcher.inventory.PublishedState;
import dev.imagecensus.watcher.inventory.Signal;
import dev.imagecensus.watcher.kafka.EventPublisher;
import dev.imagecensus.watcher.model.ContainerKind;
import dev.imagecensus.watcher.model.ContainerSpec;
import dev.imagecensus.watcher.model.PodView;
import dev.imagecensus.watcher.model.ResourceType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Back-pressure end to end inside the process: Kafka down → loop waits → bounded queue fills → informer blocks. */
class EventLoopTest {

    private static final int CAPACITY = 4;

    @Test
    void shouldBlockTheInformerAndLoseNothingWhenKafkaIsDown() throws Exception {
        // Given Kafka refusing every record, as a full buffer does
        DownProducer producer = new DownProducer();
        BlockingQueue<SignalSink.Envelope> queue = new ArrayBlockingQueue<>(CAPACITY);
        InventoryController controller = new InventoryController(new PodEvaluator(NamespaceFilter.all(), false),
                new PublishedState());
        List<String> lines = new CopyOnWriteArrayList<>();
        EventLoop loop = new EventLoop(queue, controller,
                new EventPublisher(producer, "image-events", "c", new WatcherMetrics(new SimpleMeterRegistry())),
                lines::add, new WatcherMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        Thread thread = new Thread(loop, "loop");
        thread.start();
        try {
            // When the informer hands over a list of 20 pods
            List<SignalSink.Envelope> signals = new ArrayList<>();
            signals.add(envelope(new Signal.ListStarted(ResourceType.POD)));
            for (int i = 0; i < 20; i++) {
                signals.add(envelope(new Signal.PodUpserted(pod(i))));
            }
            signals.add(envelope(new Signal.ListCompleted(ResourceType.POD, "7")));
            int accepted = 0;
            while (queue.offer(signals.get(accepted), 200, TimeUnit.MILLISECONDS)) {
                accepted++;
            }

            // Then the queue bounds what is held while Kafka is down, and nothing is published
            assertThat(accepted).isBetween(CAPACITY, CAPACITY + 2);
            assertThat(producer.history()).isEmpty();
            assertThat(loop.synced(ResourceType.POD)).isFalse();

            // And when Kafka is back, everything arrives once, in order
            producer.down = false;
            for (SignalSink.Envelope signal : signals.subList(accepted, signals.size())) {
                queue.put(signal);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!loop.synced(ResourceType.POD) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(producer.history()).extracting(ProducerRecord::key)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "c/u" + i + "/app").toList());
            assertThat(lines).hasSize(20);
        } finally {
            loop.stop();
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private static SignalSink.Envelope envelope(Signal signal) {
        return new SignalSink.Envelope(signal, System.nanoTime());
    }

    private static PodView pod(int i) {
        return new PodView("u" + i, "default", "p" + i, "1", "Running", "n1", null,
                List.of(new ContainerSpec("app", "nginx", ContainerKind.APP, null)));
    }

    /** While {@code down}, refuses records like KafkaProducer after max.block.ms (here 20 ms). */
    private static final class DownProducer extends MockProducer<String, ImageEvent> {
        volatile boolean down = true;

        DownProducer() {
            super(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, ImageEvent> record, Callback callback) {
            if (down) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TimeoutException refusal = new TimeoutException("buffer full");
                callback.onCompletion(null, refusal);
                return CompletableFuture.failedFuture(refusal);
            }
            return super.send(record, callback);
        }
    }
}
