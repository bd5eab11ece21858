package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A long-running {@code image-census ...} on its own thread in this JVM, stopped by an interrupt as Ctrl-C would. */
final class InProcessCommand implements AutoCloseable {

    private final Thread thread;
    private final AtomicInteger exit = new AtomicInteger(-1);

    private InProcessCommand(String[] args) {
        thread = new Thread(() -> exit.set(ImageCensus.commandLine().execute(args)), "image-census-" + args[0]);
    }

    static InProcessCommand start(String... args) {
        InProcessCommand command = new InProcessCommand(args);
        command.thread.start();
        return command;
    }

    /** Interrupts it and returns its exit status. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(60).toMillis());
        assertThat(thread.isAlive()).as(thread.getName() + " stopped within 60 s").isFalse();
        return exit.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
