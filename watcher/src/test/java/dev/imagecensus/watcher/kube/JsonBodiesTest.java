package dev.imagecensus.watcher.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.watcher.model.PodView;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pod(String uid) {
        return "{\"metadata\":{\"uid\":\"" + uid + "\",\"namespace\":\"ns\",\"name\":\"p-" + uid
                + "\",\"resourceVersion\":\"" + uid.length() + "\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}";
    }

    @Test
    void shouldReadItemsAndContinueTokenWhenTheListHasUnknownFields() throws Exception {
        String list = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"newField\":{\"a\":[1,{\"b\":2}]},"
                + "\"metadata\":{\"resourceVersion\":\"99\",\"continue\":\"tok\",\"remainingItemCount\":5},"
                + "\"items\":[" + pod("a") + ",{\"metadata\":{\"name\":\"no-uid\"}}," + pod("b") + "]}";

        ListPage<PodView> page = JsonBodies.readList(body(list), Projections::pod);

        assertThat(page.items()).extracting(PodView::uid).containsExactly("a", "b");
        assertThat(page.resourceVersion()).isEqualTo("99");
        assertThat(page.continueToken()).isEqualTo("tok");
    }

    @Test
    void shouldEndWithoutContinueTokenWhenTheListIsComplete() throws Exception {
        ListPage<PodView> page = JsonBodies.readList(body("{\"items\":[],\"metadata\":{\"resourceVersion\":\"5\",\"continue\":\"\"}}"),
                Projections::pod);

        assertThat(page.items()).isEmpty();
        assertThat(page.continueToken()).isNull();
    }

    @Test
    void shouldDecodeEveryEventTypeWhenReadingAWatchStream() throws Exception {
        String stream = "{\"type\":\"ADDED\",\"object\":" + pod("a") + "}\n"
                + "{\"type\":\"MODIFIED\",\"object\":" + pod("bb") + "}\n"
                + "{\"type\":\"FUTURE_TYPE\",\"object\":{}}\n"
                + "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"resourceVersion\":\"120\"}}}\n"
                + "{\"type\":\"DELETED\",\"object\":" + pod("ccc") + "}\n"
                + "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\",\"message\":\"too old\"}}\n";

        List<String> seen = new ArrayList<>();
        try (KubeTransport.Stream<PodView> events = JsonBodies.watchEvents(body(stream), Projections::pod)) {
            for (WatchEvent<PodView> e = events.next(); e != null; e = events.next()) {
                seen.add(e.type() + " " + (e.object() == null ? "-" : e.object().uid()) + " " + e.resourceVersion()
                        + (e.error() == null ? "" : " " + e.error().code() + " gone=" + e.error().gone()));
            }
        }

        assertThat(seen).containsExactly("ADDED a 1", "MODIFIED bb 2", "BOOKMARK - 120", "DELETED ccc 3",
                "ERROR - null 410 gone=true");
    }
}
