package dev.imagecensus.watcher.kube;

import dev.imagecensus.watcher.model.ResourceType;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own informer loop for one resource type: a paged list ({@code limit}/{@code continue}), then a watch with
 * bookmarks from the list's resourceVersion; a watch ended by the server resumes from the last resourceVersion seen
 * (event or bookmark); a 410 Gone (HTTP or ERROR event) relists, and the sink diffs the new list against what it
 * knows. Transient failures back off and retry where they happened; permanent ones stop the loop.
 * Run it on a thread of its own; {@link #stop()} from any thread.
 */
public final class ListWatcher<T> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ListWatcher.class);

    /** Page size, watch timeout range and backoff. */
    public record Settings(int pageSize, int minWatchSeconds, int maxWatchSeconds, Duration backoffInitial,
                           Duration backoffMax) {
        public static final Settings DEFAULTS = new Settings(500, 300, 600, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    private final ResourceType type;
    private final KubeTransport<T> transport;
    private final InformerSink<T> sink;
    private final InformerEvents events;
    private final Settings settings;
    private final RetryBackoff backoff;
    private volatile boolean stopped;
    private volatile KubeTransport.Stream<T> current;
    private String resourceVersion;
    private boolean listedOnce;

    public ListWatcher(ResourceType type, KubeTransport<T> transport, InformerSink<T> sink, InformerEvents events,
                       Settings settings) {
        this.type = Objects.requireNonNull(type, "type");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.events = Objects.requireNonNull(events, "events");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = new RetryBackoff(settings.backoffInitial(), settings.backoffMax());
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                try {
                    if (resourceVersion == null) {
                        resourceVersion = listAll();
                    }
                    watch();
                } catch (KubeApiException e) {
                    if (e.permanent()) {
                        events.failed(type, e);
                        return;
                    }
                    retryAfter(e, e.retryAfter());
                } catch (IOException | RuntimeException e) {
                    retryAfter(e, Optional.empty());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the loop: aborts an open watch; the caller interrupts the thread to end a blocked hand-over. */
    public void stop() {
        stopped = true;
        KubeTransport.Stream<T> stream = current;
        if (stream != null) {
            closeQuietly(stream);
        }
    }

    private void retryAfter(Exception e, Optional<Duration> retryAfter) throws InterruptedException {
        if (stopped) {
            return;
        }
        events.retrying(type, e);
        Duration delay = backoff.next(retryAfter);
        LOG.warn("{}: {} (retrying in {} ms)", type.plural(), e.toString(), delay.toMillis());
        Thread.sleep(delay.toMillis());
    }

    /** Lists every page; restarts from the first page when the continue token expires. Returns the list's RV. */
    private String listAll() throws IOException, InterruptedException {
        long started = System.nanoTime();
        while (true) {
            sink.listStarted();
            String continueToken = null;
            String listVersion;
            long items = 0;
            int page = 0;
            try {
                do {
                    ListPage<T> result = transport.list(settings.pageSize(), continueToken);
                    for (T item : result.items()) {
                        sink.upsert(item);
                    }
                    items += result.items().size();
                    events.listPage(type, ++page, items);
                    listVersion = result.resourceVersion();
                    continueToken = result.continueToken();
                } while (continueToken != null && !stopped);
            } catch (KubeApiException e) {
                if (!e.gone() || continueToken == null) {
                    throw e;
                }
                LOG.info("{}: continue token expired after {} items, listing again", type.plural(), items);
                continue;
            }
            if (stopped) {
                throw new InterruptedException("stopped during a list"); // never complete a partial list
            }
            if (listVersion == null) {
                throw new IOException("list of " + type.plural() + " carries no resourceVersion");
            }
            sink.listCompleted(listVersion);
            events.listed(type, items, Duration.ofNanos(System.nanoTime() - started), listedOnce);
            listedOnce = true;
            backoff.reset();
            return listVersion;
        }
    }

    /** Watches until the server ends the stream (keeping the resourceVersion) or answers 410 (clearing it). */
    private void watch() throws IOException, InterruptedException {
        int timeout = ThreadLocalRandom.current().nextInt(settings.minWatchSeconds(), settings.maxWatchSeconds() + 1);
        long started = System.nanoTime();
        int received = 0;
        try (KubeTransport.Stream<T> stream = transport.watch(resourceVersion, timeout)) {
            current = stream;
            if (stopped) {
                return;
            }
            for (WatchEvent<T> event = stream.next(); event != null && !stopped; event = stream.next()) {
                received++;
                if (!handle(event)) {
                    return;
                }
            }
        } catch (KubeApiException e) {
            if (!e.gone()) {
                throw e;
            }
            relist(e);
            return;
        } finally {
            current = null;
        }
        if (stopped) {
            return;
        }
        events.watchResumed(type);
        if (received == 0 && System.nanoTime() - started < 1_000_000_000L) {
            retryAfter(new IOException("watch ended at once"), Optional.empty()); // no hot loop on a flapping server
        } else {
            backoff.reset();
        }
    }

    /** Applies one event; false when the watch must end (410 ERROR → relist). */
    private boolean handle(WatchEvent<T> event) throws InterruptedException, KubeApiException {
        switch (event.type()) {
            case ADDED, MODIFIED -> sink.upsert(event.object());
            case DELETED -> sink.delete(event.object());
            case BOOKMARK -> { }
            case ERROR -> {
                if (event.error().gone()) {
                    relist(event.error());
                    return false;
                }
                throw event.error();
            }
        }
        if (event.resourceVersion() != null) {
            resourceVersion = event.resourceVersion();
        }
        return true;
    }

    private void relist(KubeApiException cause) {
        LOG.info("{}: watch from resourceVersion {} expired ({}), relisting", type.plural(), resourceVersion,
                cause.getMessage());
        events.gone(type);
        resourceVersion = null;
    }

    private static void closeQuietly(KubeTransport.Stream<?> stream) {
        try {
            stream.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing watch: {}", e.toString());
        }
    }
}
