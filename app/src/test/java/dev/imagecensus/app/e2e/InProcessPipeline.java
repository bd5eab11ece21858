package dev.imagecensus.app.e2e;

import dev.imagecensus.aggregator.Aggregator;
import dev.imagecensus.enricher.Enricher;
import dev.imagecensus.watcher.Watcher;
import java.io.IOException;
import org.apache.kafka.streams.KafkaStreams;

/** Watcher, enricher and aggregator of a {@link PipelineEnv} in this JVM; closed aggregator first. */
final class InProcessPipeline implements AutoCloseable {

    private Watcher watcher;
    private Enricher enricher;
    private Aggregator aggregator;

    static InProcessPipeline start(PipelineEnv env) throws IOException {
        InProcessPipeline pipeline = new InProcessPipeline();
        try {
            pipeline.watcher = env.startWatcher();
            pipeline.enricher = env.startEnricher();
            pipeline.aggregator = env.startAggregator();
            return pipeline;
        } catch (IOException | RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /** Empty while all three run; else which one stopped. */
    String problem() {
        if (!watcher.livenessProblems().isEmpty()) {
            return "watcher: " + watcher.livenessProblems();
        }
        if (stopped(enricher.state())) {
            return "enricher is " + enricher.state();
        }
        return stopped(aggregator.state()) ? "aggregator is " + aggregator.state() : "";
    }

    private static boolean stopped(KafkaStreams.State state) {
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                || state == KafkaStreams.State.PENDING_ERROR;
    }

    @Override
    public void close() {
        if (aggregator != null) {
            aggregator.close();
        }
        if (enricher != null) {
            enricher.close();
        }
        if (watcher != null) {
            watcher.close();
        }
    }
}
