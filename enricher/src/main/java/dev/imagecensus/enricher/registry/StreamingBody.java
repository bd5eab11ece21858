package dev.imagecensus.enricher.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an InputStream that never blocks forever: each read waits at most the idle timeout (and
 * never past the deadline) for the next bytes, then fails with {@link BodyTimeoutException}. The JDK's own
 * {@code ofInputStream()} waits without limit, so a registry stalling mid-body would hang a thread. Pulls one
 * buffer list at a time (back-pressure); closing cancels the subscription, which drops the connection.
 */
final class StreamingBody implements HttpResponse.BodySubscriber<InputStream> {

    /** A body read that ran out of time. */
    static final class BodyTimeoutException extends IOException {
        private final boolean deadline;

        BodyTimeoutException(String message, boolean deadline) {
            super(message);
            this.deadline = deadline;
        }

        /** True when the overall deadline (not the idle timeout) ran out. */
        boolean deadline() {
            return deadline;
        }
    }

    private static final List<ByteBuffer> END = List.of();

    private final BlockingQueue<List<ByteBuffer>> queue = new LinkedBlockingQueue<>();
    private final Duration idleTimeout;
    private final Deadline deadline;
    private volatile Flow.Subscription subscription;
    private volatile Throwable error;

    private StreamingBody(Duration idleTimeout, Deadline deadline) {
        this.idleTimeout = idleTimeout;
        this.deadline = deadline;
    }

    static HttpResponse.BodyHandler<InputStream> handler(Duration idleTimeout, Deadline deadline) {
        return info -> new StreamingBody(idleTimeout, deadline);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(new Stream());
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
        queue.add(END);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    private final class Stream extends InputStream {
        private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
        private ByteBuffer current;
        private boolean finished;
        private boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("body closed");
            }
            if (len == 0) {
                return 0;
            }
            while (current == null || !current.hasRemaining()) {
                if (buffers.hasNext()) {
                    current = buffers.next();
                    continue;
                }
                if (finished || !next()) {
                    return -1;
                }
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            return n;
        }

        /** Waits for the next buffer list; false at the end of the body. */
        private boolean next() throws IOException {
            Duration wait = deadline.cap(idleTimeout);
            List<ByteBuffer> item;
            try {
                item = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading a response body", e);
            }
            if (item == null) {
                boolean byDeadline = deadline.expired();
                throw new BodyTimeoutException(byDeadline ? "time budget exhausted while reading a response body"
                        : "no body bytes for " + idleTimeout.toMillis() + " ms (stalled connection)", byDeadline);
            }
            if (item == END) {
                finished = true;
                if (error != null) {
                    throw error instanceof IOException io ? io : new IOException(error.getMessage(), error);
                }
                return false;
            }
            buffers = item.iterator();
            subscription.request(1);
            return true;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                Flow.Subscription s = subscription;
                if (s != null && !finished) {
                    s.cancel();
                }
            }
        }
    }
}
