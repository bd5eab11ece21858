package dev.imagecensus.watcher.kube;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole list read once in pages ({@code limit}/{@code continue}), for one-shot reports that need no watch. An
 * expired continue token (410) starts the list again from the first page, a bounded number of times.
 */
public final class PagedList {

    static final int MAX_RESTARTS = 3;

    private PagedList() {
    }

    /**
     * Every item of the list.
     *
     * @throws KubeApiException on any non-success answer other than a 410 on a continue token, or when the continue
     *                          token keeps expiring
     */
    public static <T> List<T> all(KubeTransport<T> transport, int pageSize) throws IOException {
        for (int attempt = 0; ; attempt++) {
            List<T> items = new ArrayList<>();
            String continueToken = null;
            try {
                do {
                    ListPage<T> page = transport.list(pageSize, continueToken);
                    items.addAll(page.items());
                    continueToken = page.continueToken();
                } while (continueToken != null);
                return items;
            } catch (KubeApiException e) {
                if (!e.gone() || continueToken == null || attempt >= MAX_RESTARTS) {
                    throw e;
                }
            }
        }
    }
}
