package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code image-census ...} in this JVM: a short command run to completion, or a long-running one on its own thread,
 * stopped by an interrupt as Ctrl-C would.
 */
final class InProcessCommand implements AutoCloseable {

    private final Thread thread;
    private final AtomicInteger exit = new AtomicInteger(-1);

    private InProcessCommand(String[] args) {
        thread = new Thread(() -> exit.set(ImageCensus.commandLine().execute(args)), "image-census-" + args[0]);
    }

    /** Runs a short command to completion; asserts exit status 0 and returns what it printed on standard output. */
    static String output(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ImageCensus.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        assertThat(status).as("exit status; stderr: " + err).isZero();
        return out.toString();
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
