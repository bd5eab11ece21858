package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImageCensusTest {

    @Test
    void shouldListEverySubcommandWhenAskedForHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = ImageCensus.commandLine().setOut(new PrintWriter(out));

        int status = cli.execute("--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("local", "watcher", "enricher", "aggregator", "schema-registry", "inventory");
    }

    @Test
    void shouldRejectAnUnknownCompatibilityLevelWithUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = ImageCensus.commandLine().setErr(new PrintWriter(err));

        int status = cli.execute("schema-registry", "--bootstrap-servers", "localhost:9092", "--compatibility", "SIDEWAYS");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--compatibility", "SIDEWAYS");
    }

    @Test
    void shouldPrintTheBadSettingWithoutStackTraceWhenWatcherConfigIsInvalid() {
        StringWriter err = new StringWriter();
        CommandLine cli = ImageCensus.commandLine().setErr(new PrintWriter(err));

        int status = cli.execute("watcher", "--kubeconfig", "/nonexistent/kubeconfig", "--cluster", "bad/name");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("cluster").doesNotContain("Exception");
    }

    @Test
    void shouldPassStreamThreadsToTheAggregatorAndRejectZero() {
        StringWriter err = new StringWriter();
        CommandLine cli = ImageCensus.commandLine().setErr(new PrintWriter(err));

        int status = cli.execute("aggregator", "--bootstrap-servers", "localhost:9092", "--schema-registry-url",
                "http://localhost:8081", "--stream-threads", "0");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("stream-threads: 0").doesNotContain("Exception");
    }

    @Test
    void shouldRequireBootstrapServersWhenRunningTheRegistryAlone() {
        StringWriter err = new StringWriter();
        CommandLine cli = ImageCensus.commandLine().setErr(new PrintWriter(err));

        int status = cli.execute("schema-registry");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--bootstrap-servers");
    }

    @Test
    void shouldPointAtTheDemoWithoutStackTraceWhenLocalFindsNoCluster(@TempDir Path home) {
        assumeTrue(System.getenv("KUBECONFIG") == null && System.getenv("KUBERNETES_SERVICE_HOST") == null,
                "a cluster is configured in the environment");
        StringWriter err = new StringWriter();
        CommandLine cli = ImageCensus.commandLine().setErr(new PrintWriter(err));
        String previousHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            int status = cli.execute("local", "--data-dir", home.resolve("data").toString());

            assertThat(status).isEqualTo(2);
            assertThat(err.toString()).contains("No Kubernetes cluster found", "--demo").doesNotContain("Exception");
        } finally {
            System.setProperty("user.home", previousHome);
        }
    }

    @Test
    void shouldRefuseADemoRegistryWhenNotInDemoMode(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = ImageCensus.commandLine().setErr(new PrintWriter(err));

        int status = cli.execute("local", "--demo-registry", "localhost:5000", "--data-dir", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--demo-registry needs --demo");
    }
}
