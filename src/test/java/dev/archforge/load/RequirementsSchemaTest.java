package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped JSON Schema agrees with the loader: samples pass both, structural mistakes fail both. */
class RequirementsSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path SCHEMA = Path.of("schema/requirements.schema.json");

  static Stream<Path> samples() throws IOException {
    return SamplesLoadTest.samples();
  }

  private static JsonSchema schema() throws IOException {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.newInputStream(SCHEMA));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleIsValidAgainstTheSchema(Path sample) throws IOException {
    assertThat(schema().validate(YAML.readTree(sample.toFile()))).isEmpty();
    assertThat(Files.readAllLines(sample).get(0))
        .isEqualTo("# yaml-language-server: $schema=../schema/requirements.schema.json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown-top-key.yaml", "unknown-scale-key.yaml", "wrong-type-team-size.yaml",
      "bad-service-name.yaml", "bad-project-name.yaml", "enum-without-values.yaml", "unknown-format-version.yaml",
      "bad-enum-choice.yaml", "bad-decision.yaml", "unknown-decision-topic.yaml", "missing-project.yaml",
      "missing-services.yaml", "availability-out-of-range.yaml", "maxlength-on-integer.yaml", "unknown-field-type.yaml"})
  void structuralMistakesFailTheSchemaToo(String file) throws IOException {
    JsonNode document = YAML.readTree(Path.of("src/test/resources/bad", file).toFile());
    assertThat(schema().validate(document)).isNotEmpty();
  }

  @Test
  void everyPropertyHasADescription() throws IOException {
    List<String> missing = new ArrayList<>();
    walk(new ObjectMapper().readTree(SCHEMA.toFile()), "#", missing);
    assertThat(missing).isEmpty();
  }

  private static void walk(JsonNode node, String where, List<String> missing) {
    if (node.has("properties")) {
      node.get("properties").fields().forEachRemaining(e -> {
        JsonNode property = e.getValue();
        if (property.isObject() && !property.has("description")) {
          missing.add(where + "/properties/" + e.getKey());
        }
      });
    }
    node.fields().forEachRemaining(e -> {
      boolean conditional = List.of("if", "then", "else", "not").contains(e.getKey());
      if (e.getValue().isContainerNode() && !conditional) {
        walk(e.getValue(), where + "/" + e.getKey(), missing);
      }
    });
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), where + "/" + i, missing);
      }
    }
  }
}
