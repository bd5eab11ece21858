package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ImageCensusTest {

    @Test
    void shouldListEverySubcommandWhenAskedForHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = ImageCensus.commandLine().setOut(new PrintWriter(out));

        int status = cli.execute("--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("local", "watcher", "enricher", "aggregator", "schema-registry");
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
    void shouldRequireBootstrapServersWhenRunningTheRegistryAlone() {
        StringWriter err = new StringWriter();
        CommandLine cli = ImageCensus.commandLine().setErr(new PrintWriter(err));

        int status = cli.execute("schema-registry");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--bootstrap-servers");
    }
}
