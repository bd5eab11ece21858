package dev.imagecensus.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The container image definitions (nothing is built here: no Docker engine, and Jib would need the base image from
 * Docker Hub). Jib must never run in the normal build; both images run as a numeric non-root user.
 */
class ContainerImageTest {

    private static final Path APP_POM = DeployFiles.path("..", "app", "pom.xml");

    @Test
    void shouldConfigureJibOnlyInAProfileWithoutExecutionsWhenTheAppPomIsRead() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document pom = factory.newDocumentBuilder().parse(APP_POM.toFile());
        XPath x = XPathFactory.newInstance().newXPath();
        String jib = "//*[local-name()='plugin'][*[local-name()='artifactId']='jib-maven-plugin']";

        assertThat(x.evaluate("count(" + jib + ")", pom)).isEqualTo("1");
        assertThat(x.evaluate("count(//*[local-name()='profile'][*[local-name()='id']='jib']" + jib + ")", pom))
                .isEqualTo("1");
        assertThat(x.evaluate(jib + "/*[local-name()='version']", pom)).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(x.evaluate("count(" + jib + "/*[local-name()='executions'])", pom)).isEqualTo("0");
        assertThat(x.evaluate(jib + "//*[local-name()='user']", pom)).isEqualTo("65532:65532");
        assertThat(x.evaluate(jib + "//*[local-name()='from']/*[local-name()='image']", pom)).isEqualTo("eclipse-temurin:17-jre");
    }

    @Test
    void shouldRunTheJarAsANumericNonRootUserWhenTheDockerfileIsRead() throws Exception {
        List<String> lines = Files.readAllLines(DeployFiles.path("Dockerfile")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

        assertThat(lines).contains("FROM eclipse-temurin:17-jre", "USER 65532:65532",
                "ENTRYPOINT [\"java\", \"-jar\", \"/opt/image-census/image-census.jar\"]");
        assertThat(lines.indexOf("USER 65532:65532")).isGreaterThan(lines.indexOf(
                lines.stream().filter(l -> l.startsWith("COPY")).reduce((a, b) -> b).orElseThrow()));
    }

    @Test
    void shouldUseTheImageUidWhenPodsRun() throws Exception {
        String manifests = Kustomize.build(KubernetesManifestsTest.BASE);

        assertThat(manifests).contains("runAsUser: 65532").doesNotContain("runAsUser: 0");
    }
}
