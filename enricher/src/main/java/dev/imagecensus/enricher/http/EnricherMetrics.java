package dev.imagecensus.enricher.http;

import dev.imagecensus.enricher.inspect.ImageInspector;
import dev.imagecensus.enricher.inspect.LayerCache;
import dev.imagecensus.enricher.registry.RegistryListener;
import dev.imagecensus.enricher.stream.InspectionService;
import dev.imagecensus.schemas.avro.Existence;
import dev.imagecensus.schemas.avro.ImageClassification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every enricher metric, defined in one place. Labels stay bounded: {@code outcome} is an existence state (or
 * {@code partial}), {@code registry} a registry host of the fleet, {@code method} GET/HEAD, {@code status} an HTTP
 * status or one of a few error words. Prometheus names: {@code imagecensus_enricher_*}, plus the existence
 * exporter's {@code k8s_image_existence_exporter_completed_rechecks_total} and {@code ..._generic_errors_total}.
 */
public final class EnricherMetrics implements RegistryListener {

    /** Answers that say nothing about the image, only that checking it failed (the exporter's "generic errors"). */
    private static final Set<Existence> ERRORS = Set.of(Existence.REGISTRY_UNAVAILABLE,
            Existence.AUTHENTICATION_FAILURE, Existence.AUTHORIZATION_FAILURE, Existence.UNKNOWN_ERROR);

    private final MeterRegistry registry;
    private final Map<Existence, Counter> inspections = new EnumMap<>(Existence.class);
    private final Counter partialInspections;
    private final Map<Existence, Counter> existenceChecks = new EnumMap<>(Existence.class);
    private final Counter genericErrors;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> bytes = new ConcurrentHashMap<>();

    public EnricherMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Existence existence : Existence.values()) {
            String outcome = existence.name().toLowerCase(Locale.ROOT);
            inspections.put(existence, Counter.builder("imagecensus.enricher.inspections")
                    .description("Full image inspections (manifest, config, layers) by outcome")
                    .tag("outcome", outcome).register(registry));
            existenceChecks.put(existence, Counter.builder("imagecensus.enricher.existence.checks")
                    .description("Existence checks (manifest HEAD) by outcome").tag("outcome", outcome).register(registry));
        }
        partialInspections = Counter.builder("imagecensus.enricher.inspections")
                .description("Full image inspections (manifest, config, layers) by outcome")
                .tag("outcome", "partial").register(registry);
        genericErrors = Counter.builder("k8s_image_existence_exporter_generic_errors")
                .description("Image checks that returned an error (registry unavailable, auth failures, unknown errors)")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Wraps {@code inspector} so every answer is counted. */
    public ImageInspector metered(ImageInspector inspector) {
        return new ImageInspector() {
            @Override
            public Resolution resolve(String reference) {
                Resolution resolution = inspector.resolve(reference);
                existenceChecks.get(resolution.existence()).increment();
                countError(resolution.existence());
                return resolution;
            }

            @Override
            public ImageClassification inspect(String reference) {
                ImageClassification classification = inspector.inspect(reference);
                boolean partial = classification.getExistence() == Existence.AVAILABLE && classification.getPartial();
                (partial ? partialInspections : inspections.get(classification.getExistence())).increment();
                countError(classification.getExistence());
                return classification;
            }
        };
    }

    /** Inspections answered since start, whatever the outcome. */
    public long inspectionsDone() {
        double sum = partialInspections.count();
        for (Counter counter : inspections.values()) {
            sum += counter.count();
        }
        return (long) sum;
    }

    /** Queue depth, re-check rounds and the layer cache. */
    public void bind(InspectionService service, LayerCache cache) {
        Gauge.builder("imagecensus.enricher.queue.depth", service, InspectionService::pending)
                .description("References recorded as pending (waiting for or in a registry call)")
                .tag("state", "pending").register(registry);
        Gauge.builder("imagecensus.enricher.queue.depth", service, InspectionService::inFlight)
                .description("Registry calls queued on or running in the inspection executor")
                .tag("state", "in_flight").register(registry);
        FunctionCounter.builder("k8s_image_existence_exporter_completed_rechecks", service,
                        InspectionService::completedRechecks)
                .description("Number of image rechecks completed (one per re-check interval)").register(registry);
        FunctionCounter.builder("imagecensus.enricher.layer.cache.hits", cache, LayerCache::hits)
                .description("Layers whose facts came from the cache: not downloaded").register(registry);
        FunctionCounter.builder("imagecensus.enricher.layer.cache.misses", cache, LayerCache::misses)
                .description("Layers that had to be downloaded and scanned").register(registry);
        Gauge.builder("imagecensus.enricher.layer.cache.entries", cache, LayerCache::size)
                .description("Layers whose facts are cached").register(registry);
        Gauge.builder("imagecensus.enricher.layer.cache.size", cache, LayerCache::weight).baseUnit("bytes")
                .description("Estimated memory held by the layer cache").register(registry);
    }

    @Override
    public void onRequest(String host, String method, String outcome) {
        requests.computeIfAbsent(host + ' ' + method + ' ' + outcome, k -> Counter.builder("imagecensus.enricher.registry.requests")
                .description("Registry requests (each attempt, token requests included) by registry, method and status")
                .tags("registry", host, "method", method, "status", outcome).register(registry)).increment();
    }

    @Override
    public void onBytes(String host, long count) {
        bytes.computeIfAbsent(host, k -> Counter.builder("imagecensus.enricher.registry.downloaded").baseUnit("bytes")
                .description("Response body bytes received from a registry").tag("registry", host).register(registry))
                .increment(count);
    }

    private void countError(Existence existence) {
        if (ERRORS.contains(existence)) {
            genericErrors.increment();
        }
    }
}
