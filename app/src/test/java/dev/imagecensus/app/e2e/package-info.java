/**
 * End-to-end tests of the whole pipeline: real broker and schema registry, a real docker-registry holding the
 * synthetic images, the fake API server with a realistic cluster ({@link dev.imagecensus.app.e2e.Scenario}: 200 pods,
 * 34 images), and watcher, enricher and aggregator started as in production.
 *
 * <p>What the aggregator shows ({@code /metrics} parsed as Prometheus text, {@code /api/inventory}) is compared with
 * a {@link dev.imagecensus.app.e2e.GroundTruth} computed from the fake cluster's objects and the synthetic images'
 * answer key, never from the pipeline's code; the audit topic is read as a downstream {@code read_committed}
 * consumer would and must count exactly one ENTERED per image that came into use and one LEFT per image that left
 * ({@link dev.imagecensus.app.e2e.InUseHistory}). Convergence is polled with a timeout, and also requires that
 * neither streams app lags on its input, so nothing more can still be on its way.
 *
 * <ul>
 *   <li>{@code PipelineGroundTruthIT}: initial sync, then churn (scaling, rollouts, jobs completing, pods deleted).</li>
 *   <li>{@code ServiceKillIT}: each service in a child JVM, SIGKILLed in turn during churn and restarted on its
 *       state directory.</li>
 *   <li>{@code BrokerRestartIT}: the broker stops during churn and starts again on the same ports and data; no
 *       service is touched.</li>
 * </ul>
 */
package dev.imagecensus.app.e2e;
