package dev.imagecensus.aggregator.domain;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable sorted multiset helpers: counts per name, entries removed when they reach zero. */
final class Counts {

    private Counts() {
    }

    static SortedMap<String, Integer> copy(Map<String, Integer> counts) {
        return counts == null || counts.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    static SortedMap<String, Integer> add(SortedMap<String, Integer> counts, String name, int delta) {
        if (name == null || delta == 0) {
            return counts;
        }
        TreeMap<String, Integer> next = new TreeMap<>(counts);
        int value = next.getOrDefault(name, 0) + delta;
        if (value > 0) {
            next.put(name, value);
        } else {
            next.remove(name);
        }
        return Collections.unmodifiableSortedMap(next);
    }

    static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
