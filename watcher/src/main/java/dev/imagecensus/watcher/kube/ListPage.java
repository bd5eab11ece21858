package dev.imagecensus.watcher.kube;

import java.util.List;

/**
 * One page of a paged list.
 *
 * @param resourceVersion the list's resourceVersion (the snapshot every page of one list shares)
 * @param continueToken   the token for the next page; null on the last page
 */
public record ListPage<T>(List<T> items, String resourceVersion, String continueToken) {

    public ListPage {
        items = List.copyOf(items);
    }
}
