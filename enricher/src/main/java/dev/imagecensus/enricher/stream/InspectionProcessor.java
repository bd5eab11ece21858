package dev.imagecensus.enricher.stream;

import dev.imagecensus.enricher.EnricherConfig;
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
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.streams.KeyValue;
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
 * reference, so none is left unclassified.
 */
final class InspectionProcessor implements Processor<String, Integer, String, ImageClassification> {

    private final InspectionService service;
    private final EnricherConfig settings;
    private final Queue<Outcome> completed = new ConcurrentLinkedQueue<>();
    private final Deque<String> toResolve = new ArrayDeque<>();
    private final Set<String> inFlight = new HashSet<>();
    private ProcessorContext<String, ImageClassification> context;
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
            emit(reference, badFormat(reference, invalid.reason()));
            return;
        }
        pending.put(reference, now().toEpochMilli());
        toResolve.add(reference);
        pump();
    }

    /** Submits queued resolutions while the executor has room; the rest wait in the pending store. */
    private void pump() {
        while (!toResolve.isEmpty() && service.hasCapacity()) {
            String reference = toResolve.poll();
            if (inFlight.add(reference)) {
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
            pending.delete(reference);
            if (current == null || current.getExistence() != resolution.existence()) {
                emit(reference, unavailable(reference, resolution));
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
            pending.delete(reference);
            emit(reference, reused(known, reference, resolution.checkedAt()));
            return;
        }
        // New image, or its tag moved to a digest never seen: inspect in full (still pending until answered).
        pending.put(reference, now().toEpochMilli());
        if (inFlight.add(reference)) {
            service.inspect(reference, completed::add);
        }
    }

    private void onInspected(String reference, ImageClassification classification) {
        pending.delete(reference);
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
            while (inUse.hasNext() && service.hasCapacity()) {
                KeyValue<String, Integer> entry = inUse.next();
                ImageClassification current = classifications.get(entry.key);
                if (current != null && current.getExistenceCheckedAt().isBefore(due)
                        && pending.get(entry.key) == null && !inFlight.contains(entry.key)
                        && ImageReference.tryParse(entry.key) instanceof ReferenceParseResult.Valid) {
                    inFlight.add(entry.key);
                    service.resolve(entry.key, completed::add);
                }
            }
        }
    }

    private void emit(String reference, ImageClassification classification) {
        classifications.put(reference, classification);
        context.forward(new Record<>(reference, classification, now().toEpochMilli()));
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private ImageClassification badFormat(String reference, String reason) {
        return ImageClassification.newBuilder().setImage(reference).setExistence(Existence.BAD_IMAGE_FORMAT)
                .setExistenceCheckedAt(now()).setError(reason).setClassifiedAt(now()).build();
    }

    private ImageClassification unavailable(String reference, Resolution resolution) {
        return ImageClassification.newBuilder().setImage(reference).setExistence(resolution.existence())
                .setExistenceCheckedAt(resolution.checkedAt()).setError(resolution.error()).setClassifiedAt(now()).build();
    }

    private static ImageClassification rechecked(ImageClassification current, Instant at) {
        return ImageClassification.newBuilder(current).setExistenceCheckedAt(at).build();
    }

    private static ImageClassification reused(ImageClassification known, String reference, Instant at) {
        return ImageClassification.newBuilder(known).setImage(reference).setExistenceCheckedAt(at).build();
    }
}
