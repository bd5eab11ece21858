package dev.imagecensus.app;

import dev.imagecensus.app.demo.DemoCluster;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code image-census local} started, closed in reverse order of start, each close failure logged. */
final class Resources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Resources.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private DemoCluster demo;

    <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    DemoCluster demo(DemoCluster cluster) {
        demo = add(cluster);
        return cluster;
    }

    Optional<DemoCluster> demo() {
        return Optional.ofNullable(demo);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("Stopping {} failed", e.toString());
            }
        }
    }
}
