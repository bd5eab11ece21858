package dev.imagecensus.app.e2e;

import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Waits until the pipeline shows the ground truth and has settled: metrics and {@code /api/inventory} equal to it,
 * no streams app lagging on its input, and the committed audit exactly as {@link InUseHistory} says.
 */
final class Convergence {

    private final PipelineEnv env;
    private final PipelineProbe probe;
    private final GroupLag lag;
    private final AuditLog audit;

    Convergence(PipelineEnv env) {
        this.env = env;
        this.probe = new PipelineProbe(env::aggregatorUrl, env.cluster());
        this.lag = new GroupLag(env.bootstrapServers());
        this.audit = new AuditLog(env);
    }

    /** Returns how long it took; fails with every remaining difference after {@code timeout}. */
    Duration await(Supplier<PipelineView> truth, InUseHistory history, Duration timeout, Supplier<String> alive)
            throws InterruptedException {
        long started = System.nanoTime();
        SortedMap<String, String> expectedAudit = history.expectedAudit();
        probe.awaitEqual(truth, timeout, () -> {
            String problem = alive.get();
            if (problem.isEmpty()) {
                problem = lag.problem(env.enricherId(), List.of(env.topic("image-events")));
            }
            if (problem.isEmpty()) {
                problem = lag.problem(env.aggregatorId(), List.of(env.topic("image-events"),
                        env.topic("image-classifications")));
            }
            if (problem.isEmpty()) {
                problem = AuditLog.diff(audit.counts(), expectedAudit);
            }
            return problem.isEmpty() || problem.startsWith("\n") ? problem : "\n  " + problem;
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The audit as read so far (for a final, explicit assertion). */
    SortedMap<String, String> audit() {
        return audit.counts();
    }

    void close() {
        lag.close();
        audit.close();
    }
}
