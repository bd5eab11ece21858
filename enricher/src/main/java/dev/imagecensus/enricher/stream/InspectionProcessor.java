package dev.imagecensus.enricher.stream;

import dev.imagecensus.enricher.EnricherConfig;
import dev.imagecensus.enricher.classify.ReusedClassification;
import dev.imagecensus.enricher.inspect.Classifications;
import dev.imagecensus.enricher.inspect.ImageInspector.Resolution;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import dev.imagecensus.schemas.reference.ImageReference;
import dev.imagecensus.schemas.reference.ReferenceParseResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per image (key: canonical reference): counts usage and makes sure every image in use is classified once and
 * re-checked on an interval, without ever calling a registry on the stream thread.
 *
 * <p>A new reference is first written to the changelogged {@code pending} store, then resolved (HEAD) on the
 * {@link InspectionService}; a digest already classified is reused from the {@code by-digest} store (immutable,
 * kept for good), otherwise the image is inspected in full. Results come back on a queue drained by a
 * wall-clock punctuator, which forwards them. After a crash or rebalance, {@link #init} resubmits every pending
 * reference, so none is left unclassified. Images in use whose last check is older than the re-check interval are
 * queued for a HEAD on each scan; the queue is fed to the executor on every drain, as fast as it has room.
 */
final class InspectionProcessor implements Processor<String, Integer, String, ImageClassification> {

    private final InspectionService service;
    private final EnricherConfig settings;
    private final Queue<Outcome> completed = new ConcurrentLinkedQueue<>();
    private final Deque<String> toResolve = new ArrayDeque<>();
    private final Set<String> toRecheck = new LinkedHashSet<>(); // due re-checks, in scan order
    private final Set<String> inFlight = new HashSet<>();
    private ProcessorContext<String, ImageClassification> context;
    private long pendingCount;
    private KeyValueStore<String, Integer> usage;
    private KeyValueStore<String, Long> pending;
    private KeyValueStore<String, ImageClassification> classifications;
    private KeyValueStore<String, ImageClassification> byDigest;

    InspectionProcessor(InspectionService service, EnricherConfig settings) {
        this.service = service;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, ImageClassification> context) {
        this.context = context;
        usage = context.getStateStore(EnricherTopology.USAGE_STORE);
        pending = context.getStateStore(EnricherTopology.PENDING_STORE);
        classifications = context.getStateStore(EnricherTopology.CLASSIFICATIONS_STORE);
        byDigest = context.getStateStore(EnricherTopology.BY_DIGEST_STORE);
        try (KeyValueIterator<String, Long> all = pending.all()) {
            all.forEachRemaining(entry -> toResolve.add(entry.key));
        }
        pendingCount = toResolve.size();
        service.reportPending(context.taskId(), pendingCount);
        context.schedule(settings.drainInterval(), PunctuationType.WALL_CLOCK_TIME, now -> drain());
        context.schedule(settings.recheckScanInterval(), PunctuationType.WALL_CLOCK_TIME, this::scheduleRechecks);
    }

    @Override
    public void process(Record<String, Integer> record) {
        String reference = record.key();
        Integer before = usage.get(reference);
        int count = (before == null ? 0 : before) + record.value();
        if (count <= 0) {
            usage.delete(reference);
            return;
        }
        usage.put(reference, count);
        if (classifications.get(reference) == null && pending.get(reference) == null) {
            startInspection(reference);
        }
    }

    private void startInspection(String reference) {
        if (ImageReference.tryParse(reference) instanceof ReferenceParseResult.Invalid invalid) {
            // Nothing to ask a registry: the reference itself is the answer.
            emit(reference, Classifications.notInspected(reference, Existence.BAD_IMAGE_FORMAT, invalid.message(), now()));
            return;
        }
        markPending(reference);
        toResolve.add(reference);
        pump();
    }

    /**
     * Submits queued resolutions while the executor has room, new references before re-checks; the rest wait
     * (new ones in the pending store) for the next drain.
     */
    private void pump() {
        while (!toResolve.isEmpty() && service.hasCapacity()) {
            String reference = toResolve.poll();
            if (inFlight.add(reference)) {
                service.resolve(reference, completed::add);
            }
        }
        Iterator<String> rechecks = toRecheck.iterator();
        while (rechecks.hasNext() && service.hasCapacity()) {
            String reference = rechecks.next();
            rechecks.remove();
            if (usage.get(reference) != null && pending.get(reference) == null && inFlight.add(reference)) {
                service.resolve(reference, completed::add);
            }
        }
    }

    private void drain() {
        Outcome outcome;
        while ((outcome = completed.poll()) != null) {
            inFlight.remove(outcome.reference());
            if (outcome instanceof Outcome.Resolved resolved) {
                onResolved(resolved.reference(), resolved.resolution());
            } else if (outcome instanceof Outcome.Inspected inspected) {
                onInspected(inspected.reference(), inspected.classification());
            }
        }
        pump();
    }

    private void onResolved(String reference, Resolution resolution) {
        boolean wasPending = pending.get(reference) != null;
        ImageClassification current = classifications.get(reference);
        if (!resolution.available()) {
            clearPending(reference);
            if (current == null || current.getExistence() != resolution.existence()) {
                emit(reference, Classifications.notInspected(reference, resolution.existence(), resolution.error(),
                        resolution.checkedAt()));
            } else {
                classifications.put(reference, rechecked(current, resolution.checkedAt())); // same answer: no record
            }
            return;
        }
        boolean sameDigest = current != null && resolution.digest() != null
                && resolution.digest().equals(current.getManifestDigest()) && current.getExistence() == Existence.AVAILABLE;
        if (sameDigest && !wasPending) {
            classifications.put(reference, rechecked(current, resolution.checkedAt()));
            return;
        }
        ImageClassification known = resolution.digest() == null ? null : byDigest.get(resolution.digest());
        if (known != null) {
            clearPending(reference);
            emit(reference, reused(known, reference, resolution.checkedAt()));
            return;
        }
        // New image, or its tag moved to a digest never seen: inspect in full (still pending until answered).
        markPending(reference);
        if (inFlight.add(reference)) {
            service.inspect(reference, completed::add);
        }
    }

    private void onInspected(String reference, ImageClassification classification) {
        clearPending(reference);
        if (classification.getExistence() == Existence.AVAILABLE && !classification.getPartial()
                && classification.getManifestDigest() != null) {
            byDigest.put(classification.getManifestDigest(), classification);
        }
        emit(reference, classification);
    }

    /** Re-checks existence of images still in use whose last check is older than the interval. */
    private void scheduleRechecks(long nowMillis) {
        Instant due = Instant.ofEpochMilli(nowMillis).minus(settings.recheckInterval());
        try (KeyValueIterator<String, Integer> inUse = usage.all()) {
            while (inUse.hasNext()) {
                String reference = inUse.next().key;
                ImageClassification current = classifications.get(reference);
                if (current != null && current.getExistenceCheckedAt().isBefore(due) && !inFlight.contains(reference)
                        && pending.get(reference) == null && !toRecheck.contains(reference)
                        && ImageReference.tryParse(reference) instanceof ReferenceParseResult.Valid) {
                    toRecheck.add(reference);
                }
            }
        }
        pump();
        service.recheckScanned(Instant.ofEpochMilli(nowMillis), settings.recheckInterval());
    }

    @Override
    public void close() {
        service.reportPending(context.taskId(), 0);
    }

    /** Records a reference as waiting for a registry answer, before any call is made (changelogged). */
    private void markPending(String reference) {
        if (pending.get(reference) == null) {
            service.reportPending(context.taskId(), ++pendingCount);
        }
        pending.put(reference, now().toEpochMilli());
    }

    private void clearPending(String reference) {
        if (pending.get(reference) != null) {
            pending.delete(reference);
            service.reportPending(context.taskId(), --pendingCount);
        }
    }

    private void emit(String reference, ImageClassification classification) {
        classifications.put(reference, classification);
        context.forward(new Record<>(reference, classification, now().toEpochMilli()));
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private static ImageClassification rechecked(ImageClassification current, Instant at) {
        return ImageClassification.newBuilder(current).setExistenceCheckedAt(at).build();
    }

    /** The bytes are the same, the name is not: FIPS claims of the name are made anew for this reference. */
    private static ImageClassification reused(ImageClassification known, String reference, Instant at) {
        return ReusedClassification.forReference(known, reference, at);
    }
}
