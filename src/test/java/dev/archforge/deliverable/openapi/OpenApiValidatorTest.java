package dev.archforge.deliverable.openapi;

import dev.archforge.validate.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiValidatorTest {
  private static final OpenApiValidator VALIDATOR = new OpenApiValidator();
  private static final String PATH = "api/demo/openapi.yaml";

  /** A small document that both checks accept; each negative test breaks one thing in it. */
  static final String VALID = """
      openapi: 3.0.3
      info:
        title: Demo
        version: 1.0.0
      paths:
        /things:
          get:
            operationId: listThings
            responses:
              "200":
                description: The things.
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/Thing"
      components:
        schemas:
          Thing:
            type: object
            properties:
              name:
                type: string
                maxLength: 10
      """;

  private static List<Finding> check(String yaml) {
    return VALIDATOR.validate(new Artifact(PATH, yaml, OpenApiDeliverable.KIND));
  }

  @Test
  void acceptsOnlyOpenApiArtifacts() {
    assertThat(VALIDATOR.accepts(new Artifact(PATH, VALID, OpenApiDeliverable.KIND))).isTrue();
    assertThat(VALIDATOR.accepts(new Artifact("x.yaml", VALID, Artifact.Kind.YAML))).isFalse();
    assertThat(VALIDATOR.name()).isEqualTo("openapi");
  }

  @Test
  void validDocumentHasNoFindings() {
    assertThat(check(VALID)).isEmpty();
  }

  @Test
  void unresolvedRefIsReported() {
    List<Finding> findings = check(VALID.replace("#/components/schemas/Thing", "#/components/schemas/Missing"));
    assertThat(findings).isNotEmpty();
    assertThat(findings).allSatisfy(f -> assertThat(f.path()).isEqualTo(PATH));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("Missing"));
  }

  @Test
  void missingResponsesAreReportedWithTheirLine() {
    String broken = VALID.replace("""
                  responses:
                    "200":
                      description: The things.
                      content:
                        application/json:
                          schema:
                            $ref: "#/components/schemas/Thing"
            """, "");
    assertThat(broken).doesNotContain("responses");
    List<Finding> findings = check(broken);
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.validator()).contains("swagger-parser");
      assertThat(f.message()).contains("responses");
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.validator()).contains("json-schema");
      assertThat(f.message()).contains("/paths/~1things/get").contains("responses");
      assertThat(f.line()).isEqualTo(7);
    });
  }

  @Test
  void wrongTypeIsReportedWithTheirLine() {
    List<Finding> findings = check(VALID.replace("maxLength: 10", "maxLength: ten"));
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.message()).contains("maxLength");
      assertThat(f.line()).isEqualTo(23);
    });
    assertThat(findings).anySatisfy(f -> assertThat(f.validator()).contains("json-schema"));
  }

  @Test
  void unknownKeyIsReported() {
    List<Finding> findings = check(VALID.replace("operationId: listThings",
        "operationId: listThings\n      colour: red"));
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.message()).contains("colour");
      assertThat(f.line()).isEqualTo(9);
    });
  }

  @Test
  void remoteRefIsRefusedWithoutFetching() {
    List<Finding> findings = check(VALID.replace("#/components/schemas/Thing",
        "http://127.0.0.1:9/nothing.yaml#/Thing"));
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.message()).contains("points outside the document");
      assertThat(f.line()).isEqualTo(15);
    });
  }

  @Test
  void brokenYamlIsOneFindingWithItsLine() {
    List<Finding> findings = check(VALID.replace("title: Demo", "title: [Demo"));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).startsWith("not valid YAML");
    assertThat(findings.get(0).line()).isGreaterThan(0);
  }

  @Test
  void duplicateKeysAreRefused() {
    List<Finding> findings = check(VALID.replace("title: Demo", "title: Demo\n  title: Again"));
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains("title"));
  }

  @Test
  void wrongOpenApiVersionIsReported() {
    assertThat(check(VALID.replace("openapi: 3.0.3", "openapi: 2.0"))).isNotEmpty();
  }

  @Test
  void findingsNameTheArtifactAndTheValidator() {
    Finding f = check(VALID.replace("maxLength: 10", "maxLength: ten")).get(0);
    assertThat(f.toString()).startsWith(PATH + ":").contains("[openapi");
  }

  @Test
  void oneValidatorChecksManyArtifacts() {
    for (int i = 0; i < 3; i++) {
      assertThat(check(VALID)).isEmpty();
      assertThat(check(VALID.replace("maxLength: 10", "maxLength: -1"))).isNotEmpty();
    }
  }
}
