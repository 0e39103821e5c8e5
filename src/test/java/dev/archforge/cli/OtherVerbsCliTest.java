package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.load.RequirementsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** validate, schema, init, blueprints, completion, help and version. */
class OtherVerbsCliTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"generate", "decide", "explain", "validate", "review", "schema", "init", "blueprints"})
  void everyVerbHasHelpAndVersion(String verb) {
    CliRunner.Run help = CliRunner.run(verb, "--help");
    CliRunner.Run version = CliRunner.run(verb, "--version");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: archforge " + verb);
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("archforge ");
  }

  /**
   * picocli wraps each description element at 80 columns, so an element must be a whole paragraph: a
   * paragraph cut into source lines shows as short lines broken mid-sentence.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "generate", "plan", "check", "decide", "explain", "validate", "review", "schema",
      "init", "blueprints"})
  void helpFlowsInWholeParagraphs(String verb) {
    CliRunner.Run help = verb.isEmpty() ? CliRunner.run("--help") : CliRunner.run(verb, "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out().lines()
        .filter(l -> !l.isBlank() && l.length() < 60 && !l.strip().startsWith("-") && !l.startsWith("Usage:")
            && !l.contains("[") && !l.matches(".*[.:;)]$") && !l.matches(" +[A-Z]+( [A-Z]+)*"))
        .toList()).as("lines broken mid-sentence").isEmpty();
    // the command list shows each verb's first element: a sentence of its own
    if (verb.isEmpty()) {
      assertThat(help.out().lines().dropWhile(l -> !l.startsWith("Commands:")).skip(1)
          .takeWhile(l -> !l.isBlank()).reduce("", (a, b) -> b.startsWith("  ") && !b.startsWith("   ")
              ? a + "\n" + b.strip() : a + " " + b.strip()).lines().filter(l -> !l.isBlank())
          .filter(l -> !l.startsWith("generate-completion") && !l.startsWith("help "))
          .toList()).allSatisfy(l -> assertThat(l).endsWith("."));
    }
  }

  @Test
  void noVerbIsBadUsage() {
    CliRunner.Run run = CliRunner.run();
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("name a command");
  }

  @Test
  void schemaPrintsTheShippedJsonSchema() throws IOException {
    CliRunner.Run run = CliRunner.run("schema");
    assertThat(run.code()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()))
        .isEqualTo(new ObjectMapper().readTree(Path.of("schema/requirements.schema.json").toFile()));
  }

  @Test
  void initWritesAStarterThatLoadsAndNeverOverwrites() throws IOException {
    Path file = tmp.resolve("requirements.yaml");
    CliRunner.Run run = CliRunner.run("init", "--name", "billing", file.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(new RequirementsLoader().load(file).diagnostics()).isEmpty();
    assertThat(file).content().contains("name: billing");

    Files.writeString(file, "mine");
    CliRunner.Run again = CliRunner.run("init", file.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
    assertThat(file).hasContent("mine");
  }

  @Test
  void initRefusesABadName() {
    CliRunner.Run run = CliRunner.run("init", "--name", "../evil", tmp.resolve("r.yaml").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(tmp.resolve("r.yaml")).doesNotExist();
  }

  @Test
  void blueprintsListsTheStandardOne() {
    CliRunner.Run run = CliRunner.run("blueprints");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("standard").contains("openapi");
  }

  @Test
  void completionScriptIsGenerated() {
    CliRunner.Run run = CliRunner.run("generate-completion");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("complete").contains("generate").contains("--blueprint");
  }

  @Test
  void validatePassesAGeneratedWorkspaceAndCatchesAHandBrokenSpec() throws IOException {
    Path out = tmp.resolve("ws");
    assertThat(CliRunner.run("generate", "samples/ecommerce.yaml", "-o", out.toString()).code()).isZero();
    CliRunner.Run ok = CliRunner.run("validate", out.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("no problems");

    Path spec = out.resolve("backend-architect/api/catalog/openapi.yaml");
    Files.writeString(spec, Files.readString(spec).replaceFirst("\\$ref: \"#/components/schemas/Product\"",
        "\\$ref: \"#/components/schemas/Nothing\""));
    CliRunner.Run broken = CliRunner.run("validate", out.resolve("backend-architect").toString());
    assertThat(broken.code()).isEqualTo(3);
    assertThat(broken.err()).contains("api/catalog/openapi.yaml").contains("Nothing");
  }

  @Test
  void validateChecksEveryContractKindOnDisk() throws IOException {
    Path out = tmp.resolve("ws2");
    assertThat(CliRunner.run("generate", "samples/ecommerce.yaml", "-o", out.toString()).code()).isZero();
    Path agent = out.resolve("backend-architect");
    Path proto = agent.resolve("api/inventory/inventory.proto");
    Files.writeString(proto, Files.readString(proto).replaceFirst("google.protobuf.Timestamp", "NoSuchType"));
    Path async = agent.resolve("api/asyncapi.yaml");
    Files.writeString(async, Files.readString(async).replaceFirst("asyncapi: 3.0.0", "asyncapi: 9.9.9"));
    CliRunner.Run broken = CliRunner.run("validate", agent.toString());
    assertThat(broken.code()).isEqualTo(3);
    assertThat(broken.err()).contains("api/inventory/inventory.proto").contains("NoSuchType")
        .contains("api/asyncapi.yaml");
  }

  @Test
  void validateOfAMissingFolderIsBadInput() {
    assertThat(CliRunner.run("validate", tmp.resolve("none").toString()).code()).isEqualTo(2);
  }
}
