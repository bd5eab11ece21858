package dev.imagecensus.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Keeps a Kafka Streams service running until Ctrl-C / SIGTERM (exit 0) or until its streams stop on their own
 * (exit 1), and closes it cleanly either way.
 */
final class StreamsServiceLoop {

    private StreamsServiceLoop() {
    }

    /** Runs until stopped; {@code service} is closed before this returns. */
    static int run(String name, AutoCloseable service, Supplier<KafkaStreams.State> state) throws Exception {
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // The JVM halts once shutdown hooks return: the hook waits until the main thread has closed cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-shutdown"));
        try (service) {
            while (!stopping.await(1, TimeUnit.SECONDS)) {
                KafkaStreams.State now = state.get();
                if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                    System.err.println("image-census " + name + ": Kafka Streams stopped (" + now + "), exiting");
                    return 1;
                }
            }
            return 0;
        } finally {
            closed.countDown();
        }
    }
}
