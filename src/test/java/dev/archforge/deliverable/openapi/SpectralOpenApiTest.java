package dev.archforge.deliverable.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.model.Artifact;
import dev.archforge.testing.Spectral;
import dev.archforge.testing.Spectral.Finding;
import dev.archforge.testing.Spectral.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documents pass Spectral with the project's ruleset ({@code src/test/node/.spectral.yaml}:
 * {@code spectral:oas} and the OWASP API Security rules): every sample and every fixture whose
 * operations can declare a security scheme, with no error and no warning.
 */
class SpectralOpenApiTest {
  /**
   * Warnings allowed across all documents: none. Every warning the rules raised had a sound fix in
   * the generator (limits, patterns, headers) or a rule exception written in the ruleset, so a new
   * warning is a regression to look at, not noise.
   */
  private static final int MAX_WARNINGS = 0;
  /** Findings below warning that may remain, each explained in the ruleset. */
  private static final Set<String> ALLOWED_INFO = Set.of("owasp:api1:2023-no-numeric-ids");
  private static final List<String> SECURED = List.of("oidc", "jwt", "api-key");
  private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

  @TempDir
  Path dir;

  @Test
  void samplesAndSecuredFixturesHaveNoErrorAndNoWarning() throws IOException {
    List<PlanFixtures.Named> plans = new ArrayList<>(SamplePlans.all());
    for (String auth : SECURED) {
      for (String versioning : PlanFixtures.VERSIONINGS) {
        plans.add(new PlanFixtures.Named("ecommerce " + auth + " " + versioning,
            PlanFixtures.ecommerce(auth, versioning)));
      }
    }
    // The largest document (every field type and relation kind) takes seconds to lint: two variants.
    plans.add(new PlanFixtures.Named("everything oidc url", PlanFixtures.everything("oidc", "url")));
    plans.add(new PlanFixtures.Named("everything api-key header", PlanFixtures.everything("api-key", "header")));
    plans.add(new PlanFixtures.Named("hostile", PlanFixtures.hostile()));
    plans.add(new PlanFixtures.Named("empty", PlanFixtures.empty()));
    List<Path> files = write(plans);
    assertThat(files).hasSizeGreaterThan(20);

    List<Finding> findings = Spectral.lint(files);

    List<Finding> errors = bySeverity(findings, Severity.ERROR);
    List<Finding> warnings = bySeverity(findings, Severity.WARNING);
    System.out.println("spectral: " + files.size() + " documents, " + errors.size() + " errors, " + warnings.size()
        + " warnings, " + (findings.size() - errors.size() - warnings.size()) + " below warning "
        + counts(findings));
    warnings.forEach(w -> System.out.println("  " + w));
    assertThat(errors).as("spectral errors").isEmpty();
    assertThat(warnings).as("spectral warnings").hasSizeLessThanOrEqualTo(MAX_WARNINGS);
    assertThat(findings).allSatisfy(f -> assertThat(f.severity().compareTo(Severity.WARNING) <= 0
        || ALLOWED_INFO.contains(f.code())).as(f.toString()).isTrue());
  }

  /**
   * OpenAPI 3.0 has no scheme for mutual TLS, and authentication {@code none} has none at all: the
   * OWASP rules then rightly report each write as unprotected (an error) and each read (a
   * warning), and no operation answers 401. Nothing else may be wrong with those documents; the
   * generator warns about both cases, and the decider about public services without
   * authentication.
   */
  @Test
  void withoutASchemeOnlyTheMissingSchemeIsReported() throws IOException {
    List<PlanFixtures.Named> plans = new ArrayList<>();
    for (String auth : List.of("none", "mtls")) {
      for (String versioning : PlanFixtures.VERSIONINGS) {
        plans.add(new PlanFixtures.Named("ecommerce " + auth + " " + versioning,
            PlanFixtures.ecommerce(auth, versioning)));
      }
    }
    plans.add(new PlanFixtures.Named("everything none url", PlanFixtures.everything("none", "url")));
    List<Path> files = write(plans);
    int writes = 0;
    for (Path f : files) {
      writes += (int) OpenApiDocs.operations(OpenApiDocs.tree(Files.readString(f))).keySet().stream()
          .filter(label -> WRITES.contains(label.split(" ")[0].toLowerCase())).count();
    }

    List<Finding> findings = Spectral.lint(files);

    List<Finding> errors = bySeverity(findings, Severity.ERROR);
    assertThat(errors).allSatisfy(e -> {
      assertThat(e.code()).isEqualTo("owasp:api2:2023-write-restricted");
      assertThat(e.path()).matches("paths\\..+\\.(post|put|patch|delete)\\.security");
    });
    assertThat(errors).hasSize(writes);
    assertThat(bySeverity(findings, Severity.WARNING)).extracting(Finding::code).containsOnly(
        "owasp:api2:2023-read-restricted", "owasp:api8:2023-define-error-responses-401");
  }

  /** The ruleset's own rules and the OWASP limits catch what they are there for. */
  @Test
  void theRulesetCatchesBrokenDocuments() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode oidc = (ObjectNode) OpenApiDocs.document(PlanFixtures.ecommerce("oidc", "url"), "catalog");
    ObjectNode products = (ObjectNode) oidc.at("/paths/~1products");
    ((ArrayNode) products.at("/post/security")).addObject().putArray("nowhere");
    ((ObjectNode) products.at("/get/responses/200/headers")).remove("Access-Control-Allow-Origin");
    ((ObjectNode) oidc.at("/components/schemas/Product/properties/name")).remove("maxLength");
    ObjectNode apiKey = (ObjectNode) OpenApiDocs.document(PlanFixtures.ecommerce("api-key", "url"), "orders");
    ((ArrayNode) apiKey.at("/paths/~1orders/get/security/0/apiKey")).add("orders:read");
    // The same document as an internal service's: no response needs the CORS header.
    ObjectNode internal = (ObjectNode) OpenApiDocs.document(PlanFixtures.ecommerce("oidc", "url"), "catalog");
    ((ObjectNode) internal.at("/servers/0")).put("x-internal", true);
    internal.findParents("Access-Control-Allow-Origin").forEach(headers -> ((ObjectNode) headers)
        .remove("Access-Control-Allow-Origin"));
    Path oidcFile = Files.writeString(dir.resolve("oidc.json"), json.writeValueAsString(oidc));
    Path apiKeyFile = Files.writeString(dir.resolve("api-key.json"), json.writeValueAsString(apiKey));
    Path internalFile = Files.writeString(dir.resolve("internal.json"), json.writeValueAsString(internal));

    List<Finding> findings = Spectral.lint(List.of(oidcFile, apiKeyFile, internalFile));

    Map<String, List<String>> errors = bySeverity(findings, Severity.ERROR).stream().collect(Collectors.groupingBy(
        f -> Path.of(f.file()).getFileName() + " " + f.code(), Collectors.mapping(Finding::path, Collectors.toList())));
    assertThat(errors).containsOnlyKeys("oidc.json archforge-security-scheme-defined",
        "oidc.json archforge-public-cors-origin", "oidc.json owasp:api4:2023-string-limit",
        "api-key.json archforge-security-scheme-defined");
    assertThat(errors.get("oidc.json archforge-security-scheme-defined"))
        .containsExactly("paths./products.post.security.1.nowhere");
    assertThat(errors.get("oidc.json archforge-public-cors-origin"))
        .containsExactly("paths./products.get.responses.200.headers");
    assertThat(errors.get("oidc.json owasp:api4:2023-string-limit")).allSatisfy(p -> assertThat(p).contains("name"));
    assertThat(errors.get("api-key.json archforge-security-scheme-defined"))
        .containsExactly("paths./orders.get.security.0.apiKey.0");
    assertThat(errors).noneSatisfy((key, paths) -> assertThat(key).startsWith("internal.json"));
  }

  private List<Path> write(List<PlanFixtures.Named> plans) throws IOException {
    List<Path> files = new ArrayList<>();
    for (PlanFixtures.Named named : plans) {
      for (Artifact a : OpenApiDocs.artifacts(named.plan())) {
        Path file = dir.resolve(named.name().replace(' ', '_')).resolve(a.path());
        Files.createDirectories(file.getParent());
        files.add(Files.writeString(file, a.content()));
      }
    }
    return files;
  }

  private static List<Finding> bySeverity(List<Finding> findings, Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).toList();
  }

  private static Map<String, Long> counts(List<Finding> findings) {
    return findings.stream().collect(Collectors.groupingBy(Finding::code, java.util.TreeMap::new,
        Collectors.counting()));
  }
}
