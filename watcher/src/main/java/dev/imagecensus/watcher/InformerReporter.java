package dev.imagecensus.watcher;

import dev.imagecensus.watcher.http.WatcherMetrics;
import dev.imagecensus.watcher.kube.InformerEvents;
import dev.imagecensus.watcher.model.ResourceType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns informer reports into progress lines, metrics and health problems. */
final class InformerReporter implements InformerEvents {

    private static final Logger LOG = LoggerFactory.getLogger(InformerReporter.class);
    private static final int PROGRESS_EVERY_PAGES = 20;

    private final WatcherMetrics metrics;
    private final Map<ResourceType, String> failures = new ConcurrentHashMap<>();

    InformerReporter(WatcherMetrics metrics) {
        this.metrics = metrics;
    }

    /** Permanent informer failures, one line per resource. */
    Map<ResourceType, String> failures() {
        return Map.copyOf(failures);
    }

    @Override
    public void listPage(ResourceType type, int page, long itemsSoFar) {
        if (page % PROGRESS_EVERY_PAGES == 0) {
            LOG.info("{}: listed {} so far ({} pages)", type.plural(), itemsSoFar, page);
        }
    }

    @Override
    public void listed(ResourceType type, long items, Duration elapsed, boolean relist) {
        metrics.listed(type, items);
        LOG.info("{}: {} of {} objects done in {} ms", type.plural(), relist ? "relist" : "initial list", items,
                elapsed.toMillis());
    }

    @Override
    public void watchResumed(ResourceType type) {
        metrics.watchResumed(type);
    }

    @Override
    public void gone(ResourceType type) {
        metrics.relist(type);
    }

    @Override
    public void failed(ResourceType type, Exception cause) {
        failures.put(type, type.plural() + ": " + cause.getMessage());
        LOG.error("{}: permanent failure, informer stopped: {}", type.plural(), cause.getMessage());
    }
}
