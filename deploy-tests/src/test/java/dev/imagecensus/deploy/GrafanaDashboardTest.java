package dev.imagecensus.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/grafana/image-census.json}: every PromQL expression parses (promtool, as recording rules; promtool
 * has no {@code check expr}). That each names only exported metrics is checked against a real scrape in
 * {@link ExportedMetricsIT}.
 */
class GrafanaDashboardTest {

    private static final Path FILE = DeployFiles.path("grafana", "image-census.json");

    @Test
    void shouldParseEveryExpressionWhenPromtoolChecksThemAsRecordingRules() throws Exception {
        List<String> exprs = Dashboard.expressions(FILE);
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < exprs.size(); i++) {
            String expr = PromQl.withoutGrafanaVariables(exprs.get(i));
            rules.append("      - record: dashboard:expr").append(i).append("\n        expr: '")
                    .append(expr.replace("'", "''").replace("\n", " ")).append("'\n");
        }
        Path file = Files.createTempFile("dashboard-rules", ".yml");
        Files.writeString(file, rules);

        Promtool.Result result = Promtool.run(file.getParent(), "check", "rules", file.toString());

        assertThat(exprs).hasSizeGreaterThan(15);
        assertThat(result.exitCode()).as("%s%n%s", result.output(), rules).isZero();
        assertThat(result.output()).contains("SUCCESS: " + exprs.size() + " rules found");
    }

    @Test
    void shouldCoverTheIssuesSectionsWhenPanelsAreListed() throws Exception {
        JsonNode dashboard = Dashboard.read(FILE);
        List<String> rows = dashboard.findValues("title").stream().map(JsonNode::asText).toList();

        assertThat(dashboard.path("title").asText()).isEqualTo("image types in the cluster");
        assertThat(rows).contains("Containers per image (top 20)", "Containers by distro", "FIPS coverage by namespace",
                "Workloads by FIPS roll-up", "Images by registry state", "Kafka Streams consumer lag");
    }

    @Test
    void shouldUseTheDatasourceVariableWhenAPanelQueries() throws Exception {
        for (JsonNode panel : Dashboard.read(FILE).path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                        .isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void shouldListMetricNamesOnlyWhenAnExpressionIsLexed() {
        assertThat(PromQl.metricNames("sum by (namespace) (workload_fips_enabled{namespace=~\"a|b\"}) / "
                + "count without (pod) (rate(foo_total[5m] offset 1h)) and on (x) bar > bool 3e2"))
                .containsExactly("bar", "foo_total", "workload_fips_enabled");
    }
}
