package dev.archforge.deliverable.openapi;

import dev.archforge.validate.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.model.Artifact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** swagger-parser's messages have no line; the validator finds it from the place they name. */
class OpenApiValidatorLinesTest {
  private static final String DOC = """
      openapi: 3.0.3
      info:
        title: Demo
        version: 1.0.0
      paths:
        /things/{id}:
          parameters:
            - name: id
              in: path
              required: true
              schema: {type: string, maxLength: 9}
          get:
            operationId: getThing
            weird: 1
            parameters:
              - name: q
                in: query
                schema: {type: string, maxLength: 9}
              - name: r
                schema: {type: string, maxLength: 9}
            responses:
              "200":
                content:
                  application/json:
                    schema: {type: string, maxLength: 9}
      components:
        responses:
          Gone:
            content: {}
      """;

  private static JsonNode tree() throws Exception {
    return new YAMLMapper().readTree(DOC);
  }

  @Test
  void aParserLocationBecomesAPointer() throws Exception {
    JsonNode tree = tree();
    assertThat(OpenApiValidator.pointer("attribute paths.'/things/{id}'(get).weird is unexpected", tree))
        .isEqualTo("/paths/~1things~1{id}/get/weird");
    assertThat(OpenApiValidator.pointer("attribute paths.'/things/{id}'(get).parameters.[r].in is missing", tree))
        .isEqualTo("/paths/~1things~1{id}/get/parameters/1/in");
    assertThat(OpenApiValidator.pointer("attribute paths.'/things/{id}'(get).responses.200.description is missing",
        tree)).isEqualTo("/paths/~1things~1{id}/get/responses/200/description");
    assertThat(OpenApiValidator.pointer("attribute components.responses.Gone.description is missing", tree))
        .isEqualTo("/components/responses/Gone/description");
  }

  @Test
  void aLocationThatLeavesTheTreeStopsAtTheLastPlaceThatExists() throws Exception {
    JsonNode tree = tree();
    assertThat(OpenApiValidator.pointer("attribute paths.'/things/{id}'(get).parameters.[nope].in is missing", tree))
        .isEqualTo("/paths/~1things~1{id}/get/parameters");
    assertThat(OpenApiValidator.pointer("attribute paths.'/things/{id}'(get).requestBody.content."
        + "'application/json'.schema.#/components/schemas/Missing is missing", tree))
        .isEqualTo("/paths/~1things~1{id}/get/requestBody");
    assertThat(OpenApiValidator.pointer("unable to read the document", tree)).isEmpty();
  }

  @Test
  void parserFindingsCarryTheLineOfThePlaceTheyName() {
    List<Finding> findings = new OpenApiValidator().validate(new Artifact("api/demo/openapi.yaml", DOC,
        OpenApiDeliverable.KIND));
    List<Finding> parser = findings.stream().filter(f -> f.validator().contains("swagger-parser")).toList();
    assertThat(parser).isNotEmpty().allSatisfy(f -> assertThat(f.line()).as(f.toString()).isPositive());
    assertThat(parser).anySatisfy(f -> {
      assertThat(f.message()).contains("weird");
      assertThat(f.line()).isEqualTo(14);
    });
    assertThat(parser).anySatisfy(f -> {
      assertThat(f.message()).contains("[r].in is missing");
      assertThat(f.line()).isEqualTo(19);
    });
    assertThat(parser).anySatisfy(f -> {
      assertThat(f.message()).contains("200.description is missing");
      assertThat(f.line()).isEqualTo(22);
    });
    assertThat(parser).anySatisfy(f -> {
      assertThat(f.message()).contains("Gone.description is missing");
      assertThat(f.line()).isEqualTo(28);
    });
  }
}
