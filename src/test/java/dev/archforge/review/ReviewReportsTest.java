package dev.archforge.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.archforge.load.RepositoryFiles;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The four report formats over the whole corpus (many rules, many files): SARIF valid against the
 * SARIF 2.1.0 JSON Schema and shaped as GitHub code scanning wants it, JUnit XML that parses, JSON
 * for agents, text with FILE:LINE:COLUMN.
 */
class ReviewReportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ReviewReport report;

  @BeforeAll
  static void reviewTheCorpus() {
    report = Reviewer.standard().review(RepositoryFiles.read(ReviewCorpusTest.CORPUS), Set.of());
  }

  @Test
  void sarifValidatesAgainstTheSarifSchema() throws Exception {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(JSON.readTree(in));
    }
    JsonNode sarif = JSON.readTree(Format.SARIF.render(report, "", Severity.ERROR, "1.2.3"));
    assertThat(schema.validate(sarif)).isEmpty();
    JsonNode broken = JSON.readTree(Format.SARIF.render(report, "", Severity.ERROR, "1.2.3").replace("\"2.1.0\"", "\"2.0\""));
    assertThat(schema.validate(broken)).as("the schema check can fail").isNotEmpty();
  }

  @Test
  void sarifIsWhatCodeScanningWants() throws Exception {
    JsonNode sarif = JSON.readTree(Format.SARIF.render(report, "", Severity.ERROR, "1.2.3"));
    assertThat(sarif.path("runs")).hasSize(1);
    JsonNode run = sarif.path("runs").get(0);
    JsonNode rules = run.path("tool").path("driver").path("rules");
    assertThat(run.path("results").size()).isEqualTo(report.findings().size()).isGreaterThan(30);
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode result : run.path("results")) {
      JsonNode rule = rules.get(result.path("ruleIndex").asInt());
      assertThat(rule.path("id").asText()).isEqualTo(result.path("ruleId").asText());
      assertThat(rule.path("help").path("text").asText()).isNotBlank();
      assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
      String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
      assertThat(uri).doesNotStartWith("/").doesNotContain(":").doesNotContain(" ").isNotBlank();
      assertThat(fingerprints.add(result.path("partialFingerprints").path(SarifReport.FINGERPRINT).asText()))
          .as("fingerprints are unique").isTrue();
    }
  }

  @Test
  void aFingerprintDoesNotMoveWithTheLine() throws Exception {
    RepositoryFiles.Listing listing = RepositoryFiles.read(ReviewCorpusTest.CORPUS.resolve("dockerfile-non-root"));
    RepositoryFiles.Listing shifted = new RepositoryFiles.Listing(listing.files().stream()
        .map(f -> new RepositoryFiles.File(f.path(), "# a comment\n\n" + f.text())).toList(), List.of());
    Reviewer reviewer = Reviewer.standard();
    JsonNode before = JSON.readTree(Format.SARIF.render(reviewer.review(listing, Set.of()), "", null, "dev"));
    JsonNode after = JSON.readTree(Format.SARIF.render(reviewer.review(shifted, Set.of()), "", null, "dev"));
    assertThat(after.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(before.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt() + 2);
    assertThat(after.at("/runs/0/results/0/partialFingerprints")).isEqualTo(before.at("/runs/0/results/0/partialFingerprints"));
  }

  @Test
  void junitXmlParsesWithOneCasePerFile() throws Exception {
    String xml = Format.JUNIT.render(report, "corpus/", Severity.ERROR, "dev");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    int cases = doc.getElementsByTagName("testcase").getLength();
    assertThat(cases).isEqualTo(Integer.parseInt(suite.getAttribute("tests"))).isGreaterThan(report.reviewed().size() - 1);
    long failingFiles = report.findings().stream().filter(f -> f.rule().severity() == Severity.ERROR)
        .map(ReviewFinding::path).distinct().count();
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo((int) failingFiles)
        .isEqualTo(Integer.parseInt(suite.getAttribute("failures")));
    assertThat(doc.getElementsByTagName("system-out").getLength()).as("warnings below --fail-on").isPositive();
    assertThat(xml).contains("name=\"corpus/clean/Dockerfile\"");
  }

  @Test
  void jsonGivesEachFindingItsRuleSeverityPlaceAndFix() throws Exception {
    JsonNode json = JSON.readTree(Format.JSON.render(report, "", Severity.WARNING, "dev"));
    assertThat(json.path("failed").asBoolean()).isTrue();
    assertThat(json.path("summary").path("files").asInt()).isEqualTo(report.reviewed().size());
    List<String> fields = new ArrayList<>();
    json.path("findings").get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("ruleId", "severity", "path", "line", "message", "fix");
    assertThat(json.path("findings")).allSatisfy(f -> assertThat(f.path("fix").asText()).isNotBlank());
  }

  @Test
  void textNamesFileLineAndColumnAndTheFixOncePerRule() {
    String text = Format.TEXT.render(report, "repo/", Severity.ERROR, "dev");
    assertThat(text).contains("repo/k8s-privileged/deployment.yaml:38:1: error: Deployment orders: container orders must "
        + "not be privileged [k8s/restricted/privileged]\n    fix: Remove securityContext.privileged or set it false.\n");
    assertThat(text.split("\n    fix: Set resources.requests", -1)).hasSize(2);
    assertThat(text).endsWith("; fails at --fail-on error\n");
  }
}
