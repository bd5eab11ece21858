package dev.imagecensus.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code image-census local}: the whole stack in this JVM until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run everything in one JVM: embedded Kafka (KRaft) and schema registry, with the product's topics.")
final class LocalCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka listener port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--data-dir", description = "Where Kafka keeps its data (default: ~/.image-census/local).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".image-census", "local");
        LocalStack stack = LocalStack.start(new LocalStack.Settings("127.0.0.1", kafkaPort, registryPort, dir));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "image-census-shutdown"));
        System.out.println(stack.describe());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
