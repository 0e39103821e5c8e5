package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that had nothing to check, with why, are part of the JSON of generate (a full run, an
 * unchanged run from the cache, a batch) and of validate. The e-commerce sample runs on ECS, whose
 * service states no maximum for consumers-within-partitions to read.
 */
class NotApplicableCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULE = "consumers-within-partitions";

  @TempDir
  Path tmp;

  private static JsonNode rule(JsonNode run) {
    for (JsonNode n : run.path("notApplicable")) {
      if (n.path("rule").asText().equals(RULE)) {
        return n;
      }
    }
    throw new AssertionError("no " + RULE + " in " + run.path("notApplicable"));
  }

  @Test
  void generateAndValidateListTheRulesThatDidNotApplyWithTheirReasons() throws IOException {
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH, "ARCHFORGE_CACHE_DIR",
        tmp.resolve("cache").toString());
    String out = tmp.resolve("ws").toString();
    CliRunner.Run first = CliRunner.run(env, "generate", "samples/ecommerce.yaml", "-o", out, "--json");
    assertThat(first.code()).as(first.err()).isZero();
    JsonNode full = JSON.readTree(first.out());
    assertThat(rule(full).path("reason").asText()).startsWith("the ecs descriptors state no maximum");

    // nothing changed: the run cache answers, with the same rules
    CliRunner.Run again = CliRunner.run(env, "generate", "samples/ecommerce.yaml", "-o", out, "--json");
    assertThat(JSON.readTree(again.out()).path("notApplicable")).isEqualTo(full.path("notApplicable"));

    CliRunner.Run validate = CliRunner.run("validate", out, "--json");
    assertThat(validate.code()).as(validate.out()).isZero();
    JsonNode checked = JSON.readTree(validate.out());
    assertThat(checked.path("exitCode").asInt()).isZero();
    assertThat(checked.path("findings")).isEmpty();
    assertThat(checked.path("notApplicable")).isEqualTo(full.path("notApplicable"));
    assertThat(CliRunner.run("validate", out).out()).contains("n/a       " + RULE + ": the ecs descriptors");

    Path spec = tmp.resolve("ws/backend-architect/api/catalog/openapi.yaml");
    Files.writeString(spec, Files.readString(spec).replaceFirst("\\$ref: \"#/components/schemas/Product\"",
        "\\$ref: \"#/components/schemas/Nothing\""));
    CliRunner.Run broken = CliRunner.run("validate", out, "--json");
    assertThat(broken.code()).isEqualTo(3);
    JsonNode failed = JSON.readTree(broken.out());
    assertThat(failed.path("exitCode").asInt()).isEqualTo(3);
    assertThat(failed.path("findings").get(0).path("path").asText()).isEqualTo("api/catalog/openapi.yaml");
    assertThat(failed.path("edited")).extracting(JsonNode::asText).contains("api/catalog/openapi.yaml");
    assertThat(rule(failed)).isNotNull();

    CliRunner.Run missing = CliRunner.run("validate", tmp.resolve("none").toString(), "--json");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(JSON.readTree(missing.out()).path("errors").get(0).asText()).contains("is not a folder");
  }

  @Test
  void aBatchListsThemPerInput() throws IOException {
    CliRunner.Run batch = CliRunner.run("generate", "samples/ecommerce.yaml", "samples/minimal.yaml", "-o",
        tmp.resolve("all").toString(), "--json");
    assertThat(batch.code()).as(batch.err()).isZero();
    JsonNode runs = JSON.readTree(batch.out());
    assertThat(runs).hasSize(2);
    assertThat(rule(runs.get(0)).path("reason").asText()).isNotBlank();
    assertThat(runs.get(1).has("notApplicable")).isTrue();
  }
}
