package dev.imagecensus.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code deploy/prometheus}: the rules pass {@code promtool check} and their unit tests, for every alert both ways. */
class PrometheusRulesTest {

    private static final Path DIR = DeployFiles.path("prometheus");
    private static final Path RULES = DIR.resolve("image-census-rules.yml");

    @Test
    void shouldPassPromtoolCheckWhenRulesAreChecked() throws Exception {
        Promtool.Result result = Promtool.run(DIR, "check", "rules", RULES.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + RuleFiles.expressions(RULES).size() + " rules found");
    }

    @Test
    void shouldPassEveryUnitTestWhenPromtoolTestsTheRules() throws Exception {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        List<Path> tests = DeployFiles.files(DIR.resolve("tests"), ".yml");
        tests.forEach(t -> args.add(t.toString()));

        Promtool.Result result = Promtool.run(DIR, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("FAILED");
        assertThat(result.output().split("SUCCESS", -1)).as(result.output()).hasSize(tests.size() + 1);
    }

    @Test
    void shouldTestEveryAlertFiringAndNotFiringWhenTheTestsAreRead() throws Exception {
        Set<String> firing = new HashSet<>();
        Set<String> silent = new HashSet<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path file : DeployFiles.files(DIR.resolve("tests"), ".yml")) {
            for (JsonNode test : yaml.readTree(file.toFile()).path("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    boolean fires = check.path("exp_alerts").size() > 0;
                    (fires ? firing : silent).add(check.path("alertname").asText());
                }
            }
        }
        List<String> alerts = RuleFiles.alertNames(RuleFiles.read(RULES));

        assertThat(alerts).contains("DeploymentImageAbsent", "StatefulSetImageAbsent", "DaemonSetImageAbsent",
                "CronJobImageAbsent");
        assertThat(firing).as("alerts tested firing").containsAll(alerts);
        assertThat(silent).as("alerts tested not firing").containsAll(alerts);
    }

    @Test
    void shouldCarryTheSameGroupsWhenThePrometheusRuleIsComparedToThePlainFile() throws Exception {
        JsonNode cr = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("prometheus-rule.yaml").toFile());

        assertThat(cr.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(cr.path("spec").path("groups")).isEqualTo(RuleFiles.read(RULES).path("groups"));
    }

    @Test
    void shouldPassPromtoolCheckConfigWhenTheScrapeConfigIsLoaded() throws Exception {
        // Debian's Prometheus is built without Kubernetes service discovery: check the rest with a static target.
        String config = Files.readString(DIR.resolve("scrape-config.yml"))
                .replaceAll("(?s)    kubernetes_sd_configs:.*?names: \\[image-census]\n",
                        "    static_configs: [{targets: [\"127.0.0.1:8080\"]}]\n");
        Path file = Files.createTempFile("scrape-config", ".yml");
        Files.writeString(file, "global: {scrape_interval: 30s}\n" + config);

        Promtool.Result result = Promtool.run(DIR, "check", "config", "--syntax-only", file.toString());

        assertThat(config).contains("static_configs").doesNotContain("kubernetes_sd_configs");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
