package dev.imagecensus.watcher.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.watcher.model.ResourceType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list/watch protocol against a scripted transport: paging, resuming, 410 relists, retries, permanent failures. */
class ListWatcherTest {

    private static final ListWatcher.Settings FAST = new ListWatcher.Settings(2, 1, 1, Duration.ofMillis(1), Duration.ofMillis(2));

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<String> sink = new ArrayList<>();
    private final List<String> reports = new ArrayList<>();
    private final ListWatcher<String> watcher = new ListWatcher<>(ResourceType.POD, transport, new RecordingSink(),
            new RecordingEvents(), FAST);

    @Test
    void shouldWatchFromTheListVersionWhenAllPagesAreListed() {
        transport.page(List.of("a", "b"), "10", "t1").page(List.of("c"), "10", null)
                .watch(added("d", "11"), bookmark("15"))
                .watch(added("e", "16"));

        watcher.run();

        assertThat(transport.calls).containsExactly("list null", "list t1", "watch 10", "watch 15", "watch 16");
        assertThat(sink).containsExactly("started", "upsert a", "upsert b", "upsert c", "completed 10", "upsert d", "upsert e");
        assertThat(reports).contains("listed 3 relist=false");
    }

    @Test
    void shouldRelistWhenTheWatchSendsA410Error() {
        transport.page(List.of("a"), "10", null)
                .watch(added("b", "11"), new WatchEvent<>(WatchEvent.Type.ERROR, null, null, new KubeApiException(410, "Expired")))
                .page(List.of("a", "c"), "20", null);

        watcher.run();

        assertThat(transport.calls).containsExactly("list null", "watch 10", "list null", "watch 20");
        assertThat(sink).containsExactly("started", "upsert a", "completed 10", "upsert b",
                "started", "upsert a", "upsert c", "completed 20");
        assertThat(reports).contains("gone", "listed 2 relist=true");
    }

    @Test
    void shouldRelistWhenTheWatchRequestAnswers410() {
        transport.page(List.of("a"), "10", null).watchFails(new KubeApiException(410, "Gone"))
                .page(List.of(), "30", null);

        watcher.run();

        assertThat(transport.calls).containsExactly("list null", "watch 10", "list null", "watch 30");
        assertThat(sink).containsExactly("started", "upsert a", "completed 10", "started", "completed 30");
    }

    @Test
    void shouldStartTheListAgainWhenTheContinueTokenExpires() {
        transport.page(List.of("a", "b"), "10", "t1").listFails(new KubeApiException(410, "continue expired"))
                .page(List.of("a"), "12", "t2").page(List.of("c"), "12", null);

        watcher.run();

        assertThat(transport.calls).containsExactly("list null", "list t1", "list null", "list t2", "watch 12");
        assertThat(sink).containsExactly("started", "upsert a", "upsert b", "started", "upsert a", "upsert c", "completed 12");
    }

    @Test
    void shouldResumeTheWatchWithoutRelistingWhenTheConnectionFails() {
        transport.page(List.of("a"), "10", null).watch(added("b", "11"))
                .watchFails(new IOException("connection reset")).watchFails(new KubeApiException(503, "unavailable"))
                .watch(added("c", "12"));

        watcher.run();

        assertThat(transport.calls).containsExactly("list null", "watch 10", "watch 11", "watch 11", "watch 11", "watch 12");
        assertThat(sink).containsExactly("started", "upsert a", "completed 10", "upsert b", "upsert c");
        assertThat(reports).filteredOn(r -> r.startsWith("retrying")).hasSize(2);
    }

    @Test
    void shouldStopWhenTheServerForbidsTheList() {
        transport.listFails(new KubeApiException(403, "pods is forbidden"));

        watcher.run();

        assertThat(transport.calls).containsExactly("list null");
        assertThat(sink).containsExactly("started");
        assertThat(reports).containsExactly("failed HTTP 403: pods is forbidden");
    }

    private static WatchEvent<String> added(String object, String rv) {
        return new WatchEvent<>(WatchEvent.Type.ADDED, object, rv, null);
    }

    private static WatchEvent<String> bookmark(String rv) {
        return new WatchEvent<>(WatchEvent.Type.BOOKMARK, null, rv, null);
    }

    /** Answers list and watch calls from scripts; stops the watcher when the watch script runs out. */
    private final class ScriptedTransport implements KubeTransport<String> {
        final List<String> calls = new ArrayList<>();
        final Deque<Object> lists = new ArrayDeque<>();
        final Deque<Object> watches = new ArrayDeque<>();

        ScriptedTransport page(List<String> items, String rv, String continueToken) {
            lists.add(new ListPage<>(items, rv, continueToken));
            return this;
        }

        ScriptedTransport listFails(IOException e) {
            lists.add(e);
            return this;
        }

        @SafeVarargs
        @SuppressWarnings("varargs")
        final ScriptedTransport watch(WatchEvent<String>... events) {
            watches.add(List.of(events));
            return this;
        }

        ScriptedTransport watchFails(IOException e) {
            watches.add(e);
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public ListPage<String> list(int limit, String continueToken) throws IOException {
            calls.add("list " + continueToken);
            Object next = lists.poll();
            if (next instanceof IOException e) {
                throw e;
            }
            return (ListPage<String>) next;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Stream<String> watch(String resourceVersion, int timeoutSeconds) throws IOException {
            calls.add("watch " + resourceVersion);
            Object next = watches.poll();
            if (next instanceof IOException e) {
                throw e;
            }
            if (next == null) {
                watcher.stop();
                next = List.of();
            }
            Iterator<WatchEvent<String>> events = ((List<WatchEvent<String>>) next).iterator();
            return new Stream<>() {
                @Override
                public WatchEvent<String> next() {
                    return events.hasNext() ? events.next() : null;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private final class RecordingSink implements InformerSink<String> {
        @Override
        public void listStarted() {
            sink.add("started");
        }

        @Override
        public void upsert(String object) {
            sink.add("upsert " + object);
        }

        @Override
        public void delete(String object) {
            sink.add("delete " + object);
        }

        @Override
        public void listCompleted(String resourceVersion) {
            sink.add("completed " + resourceVersion);
        }
    }

    private final class RecordingEvents implements InformerEvents {
        @Override
        public void listed(ResourceType type, long items, Duration elapsed, boolean relist) {
            reports.add("listed " + items + " relist=" + relist);
        }

        @Override
        public void gone(ResourceType type) {
            reports.add("gone");
        }

        @Override
        public void retrying(ResourceType type, Exception cause) {
            reports.add("retrying " + cause.getMessage());
        }

        @Override
        public void failed(ResourceType type, Exception cause) {
            reports.add("failed " + cause.getMessage());
        }
    }
}
