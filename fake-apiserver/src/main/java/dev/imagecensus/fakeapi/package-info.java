/**
 * A fake Kubernetes API server for tests, the demo and the benchmarks.
 *
 * <p>{@link dev.imagecensus.fakeapi.FakeApiServer} serves a {@link dev.imagecensus.fakeapi.FakeCluster}
 * over plain HTTP the way kube-apiserver does for the official Java client: LIST with
 * {@code resourceVersion}, {@code limit}/{@code continue} (410 once the snapshot has expired) and
 * selectors; WATCH as a chunked stream of newline-delimited events from a resourceVersion, with
 * BOOKMARKs when asked for, an ERROR event carrying a 410 {@code Status} when the resourceVersion is
 * older than the history, and a clean end at {@code timeoutSeconds}. Objects are kept as JSON, so
 * fields unknown to the client's models pass through untouched.
 *
 * <p>Test hooks: {@code closeAllWatches()} (clients resume from their last resourceVersion),
 * {@code FakeCluster.expireHistory()} (every client relists), {@code FakeCluster.forceGone(changes)}
 * (clients learn of the changes only from their relist), {@code pauseWatches()}/{@code resumeWatches()},
 * and {@code requests()} to see what a client asked for. {@link dev.imagecensus.fakeapi.Kubeconfig}
 * writes a kubeconfig pointing at the server.
 */
package dev.imagecensus.fakeapi;
