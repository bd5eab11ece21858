package dev.imagecensus.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C / SIGTERM for a command that owns several services: {@link #await} returns when the JVM is shutting down,
 * the thread is interrupted or the services fail; the shutdown hook then waits until {@link #closed()}, since the
 * JVM halts as soon as hooks return.
 */
final class StopSignal {

    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal() {
        hook = new Thread(() -> {
            stopping.countDown();
            try {
                closed.await(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "image-census-shutdown");
    }

    static StopSignal install() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /**
     * Blocks until stopped: 0 on Ctrl-C, SIGTERM or interrupt (programmatic stop), 1 when {@code failure} reports
     * a reason (printed to standard error).
     */
    int await(Supplier<String> failure) {
        try {
            while (!stopping.await(1, TimeUnit.SECONDS)) {
                String reason = failure.get();
                if (reason != null) {
                    System.err.println("image-census: " + reason + ", stopping");
                    return 1;
                }
            }
        } catch (InterruptedException e) {
            // a programmatic stop (tests, embedding): close normally
        }
        return 0;
    }

    /** Everything is closed: lets a running shutdown hook return, or removes the hook when not shutting down. */
    void closed() {
        closed.countDown();
        if (stopping.getCount() > 0) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutdown began meanwhile: the hook returns at once since closed is counted down
            }
        }
    }
}
