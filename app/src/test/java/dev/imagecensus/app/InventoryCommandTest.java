package dev.imagecensus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.embedded.kafka.FreePorts;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The inventory command's errors: what the user sees when there is nothing to ask, or the flags do not fit. */
class InventoryCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandLine cli = ImageCensus.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

    @Test
    void shouldPointAtLocalAndOneShotModeWhenNoAggregatorAnswers() {
        int status = cli.execute("inventory", "--url", "http://127.0.0.1:" + FreePorts.pick());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach the aggregator", "image-census local", "--kubeconfig")
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRefuseClassifyWhenNoClusterIsGiven() {
        int status = cli.execute("inventory", "--classify");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--classify", "--kubeconfig");
    }

    @Test
    void shouldRefuseAnUnknownOutputFormat() {
        int status = cli.execute("inventory", "-o", "yaml");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("-o/--output must be table or json");
    }

    @Test
    void shouldRefuseAnUnknownMissingTagPolicy() {
        int status = cli.execute("inventory", "--missing-tag-policy", "guess");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("missing-tag-policy");
    }

    @Test
    void shouldDescribeBothModesWhenAskedForHelp() {
        int status = cli.execute("inventory", "--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("--url", "--kubeconfig", "--classify", "-o, --output",
                "Namespace: ns, Pod: p, Image: i, Base OS: os");
    }

    @Test
    void shouldRejectBadRegistryFlagsBeforeListingTheCluster() {
        int status = cli.execute("inventory", "--kubeconfig", "/nonexistent/kubeconfig", "--classify",
                "--insecure-registries", "host/path");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--insecure-registries entry 'host/path'");
    }

    @Test
    void shouldReportAnUnreadableKubeconfigWhenListingOnce() {
        int status = cli.execute("inventory", "--kubeconfig", "/nonexistent/kubeconfig");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("cannot list the cluster: no such file /nonexistent/kubeconfig").doesNotContain("Exception");
    }

    @Test
    void shouldOfferTheSameRegistryFlagsAsTheEnricher() {
        for (String command : new String[] {"enricher", "inventory"}) {
            StringWriter help = new StringWriter();
            ImageCensus.commandLine().setOut(new PrintWriter(help)).execute(command, "--help");

            assertThat(help.toString()).as(command)
                    .contains("--docker-config", "--insecure-registries", "--registry-ca", "--platform");
        }
    }

    @Test
    void shouldPassOnTheAggregatorsAnswerWhenItIsNotReady() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"error\": \"stores are rebalancing\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int status = cli.execute("inventory", "--url", "http://127.0.0.1:" + server.getAddress().getPort());

            assertThat(status).isEqualTo(1);
            assertThat(err.toString()).contains("HTTP 503", "stores are rebalancing").doesNotContain("image-census local");
        } finally {
            server.stop(0);
        }
    }
}
