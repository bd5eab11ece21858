package dev.imagecensus.app.e2e;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which images came into and went out of use over a test, from the ground truth after each change: what the audit
 * must show. Fails fast if a scenario makes an image change more than once (the audit count would then depend on
 * timing: the pipeline may legitimately fold a brief out-and-in).
 */
final class InUseHistory {

    private final SortedSet<String> entered = new TreeSet<>();
    private final SortedSet<String> left = new TreeSet<>();
    private final Map<String, Integer> changes = new HashMap<>();
    private SortedSet<String> current = new TreeSet<>();

    /** The images in use after the latest change. */
    void observe(Set<String> inUse) {
        for (String image : inUse) {
            if (!current.contains(image)) {
                entered.add(image);
                count(image);
            }
        }
        for (String image : current) {
            if (!inUse.contains(image)) {
                left.add(image);
                count(image);
            }
        }
        current = new TreeSet<>(inUse);
        baseline = false;
    }

    private boolean baseline = true;

    /** The first observation is the start: every image then in use entered; after it, one change per image at most. */
    private void count(String image) {
        if (!baseline && changes.merge(image, 1, Integer::sum) > 1) {
            throw new IllegalStateException("scenario error: " + image + " changed in-use state more than once");
        }
    }

    SortedSet<String> entered() {
        return entered;
    }

    SortedSet<String> left() {
        return left;
    }

    /** One ENTERED per image that entered, one LEFT per image that left. */
    SortedMap<String, String> expectedAudit() {
        return AuditLog.expected(entered, left);
    }
}
