package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate verb as a black box: exit codes, what is written, what is printed. */
class GenerateCliTest {
  @TempDir
  Path tmp;

  private Path out() {
    return tmp.resolve("workspaces");
  }

  @Test
  void generatesTheWorkspaceForTheEcommerceSample() {
    CliRunner.Run run = CliRunner.run("generate", "samples/ecommerce.yaml", "-o", out().toString());

    assertThat(run.code()).as(run.err()).isZero();
    Path agent = out().resolve("backend-architect");
    assertThat(agent.resolve("api/catalog/openapi.yaml")).isRegularFile();
    assertThat(agent.resolve("api/orders/openapi.yaml")).isRegularFile();
    assertThat(agent.resolve("api/inventory/inventory.proto")).isRegularFile();
    assertThat(agent.resolve("api/inventory/buf.yaml")).isRegularFile();
    assertThat(agent.resolve("api/asyncapi.yaml")).isRegularFile();
    assertThat(agent.resolve("decisions/0001-architecture-style.md")).isRegularFile();
    assertThat(agent.resolve("CAPACITY.md")).isRegularFile();
    assertThat(agent.resolve("ARCHITECTURE.md")).isRegularFile();
    assertThat(agent.resolve("CONTEXT.md")).isRegularFile();
    assertThat(agent.resolve("README.md")).isRegularFile();
    assertThat(agent.resolve("PROGRESS.md")).content().contains("## 2026-01-01T00:00:00Z — generate ecommerce.yaml");
    assertThat(agent.resolve(".archforge/manifest.json")).isRegularFile();
    assertThat(agent.resolve(".archforge/requirements.normalized.yaml")).isRegularFile();
    assertThat(out().resolve("SHARED_PROGRESS.md")).content().contains("backend-architect/api/catalog/openapi.yaml");
    assertThat(run.out()).contains("written   api/catalog/openapi.yaml");
  }

  @Test
  void badInputExitsWithTwoAndWritesNothing() {
    CliRunner.Run run = CliRunner.run("generate", "src/test/resources/bad/unknown-scale-key.yaml", "-o", out().toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("src/test/resources/bad/unknown-scale-key.yaml:4:3: unknown key 'concurrentUser'");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out()).doesNotExist();
  }

  @Test
  void everyProblemOfAFileIsReportedInOneRun() throws IOException {
    Path file = tmp.resolve("many.yaml");
    Files.writeString(file, """
        archforge: 1
        project: { name: Shop }
        scale: { peakRPS: 10 }
        services:
          api: { entities: [Item], api: soap }
        entities:
          Item: { fields: { name: strin } }
        """);
    CliRunner.Run run = CliRunner.run("generate", file.toString(), "-o", out().toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(4);
    assertThat(run.err()).contains(file + ":2:18: project name 'Shop'", file + ":3:10: unknown key 'peakRPS'",
        file + ":5:33: 'services.api.api' must be one of rest, graphql, grpc, not 'soap'",
        file + ":7:27: unknown type 'strin'");
  }

  @Test
  void aMissingFileIsBadInput() {
    CliRunner.Run run = CliRunner.run("generate", tmp.resolve("nope.yaml").toString(), "-o", out().toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("nope.yaml:1:1: there is no such file: check the path");
  }

  @Test
  void jsonSummaryReportsEveryFileAndItsStatus() throws IOException {
    CliRunner.Run first = CliRunner.run("generate", "samples/minimal.yaml", "-o", out().toString(), "--json");
    CliRunner.Run second = CliRunner.run("generate", "samples/minimal.yaml", "-o", out().toString(), "--json");

    JsonNode one = new ObjectMapper().readTree(first.out());
    JsonNode two = new ObjectMapper().readTree(second.out());
    assertThat(one.get("exitCode").asInt()).isZero();
    assertThat(one.get("workspace").asText()).endsWith("backend-architect");
    assertThat(one.get("files").findValuesAsText("status")).containsOnly("written");
    assertThat(one.get("files").findValuesAsText("path")).contains("api/notes/openapi.yaml", "CONTEXT.md");
    assertThat(two.get("files").findValuesAsText("status")).containsOnly("unchanged");
    assertThat(two.get("written").asBoolean()).isFalse();
  }

  @Test
  void jsonSummaryCarriesTheErrorsOfBadInput() throws IOException {
    CliRunner.Run run = CliRunner.run("generate", "src/test/resources/bad/owned-twice.yaml", "-o", out().toString(), "--json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.code()).isEqualTo(2);
    assertThat(json.get("exitCode").asInt()).isEqualTo(2);
    assertThat(json.get("errors").get(0).asText()).contains("owned-twice.yaml:5:23:");
  }

  @Test
  void dryRunShowsWhatWouldBeWrittenAndWritesNothing() {
    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", "-o", out().toString(), "--dry-run");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("written   api/notes/openapi.yaml").contains("Would write");
    assertThat(out()).doesNotExist();
  }

  @Test
  void aFileEditedByHandIsNeverOverwritten() throws IOException {
    Path input = tmp.resolve("req.yaml");
    Files.copy(Path.of("samples/minimal.yaml"), input);
    assertThat(CliRunner.run("generate", input.toString(), "-o", out().toString()).code()).isZero();
    Path context = out().resolve("backend-architect/CONTEXT.md");
    Files.writeString(context, Files.readString(context) + "\nMy own note.\n");

    CliRunner.Run same = CliRunner.run("generate", input.toString(), "-o", out().toString());
    assertThat(same.code()).as("unchanged generation keeps the edit").isZero();
    assertThat(context).content().contains("My own note.");

    Files.writeString(input, Files.readString(input).replace("name: notes", "name: notes\n  title: Notes Two"));
    CliRunner.Run merged = CliRunner.run("generate", input.toString(), "-o", out().toString());
    assertThat(merged.code()).as(merged.err()).isZero();
    assertThat(merged.out()).contains("merged    CONTEXT.md");
    assertThat(context).content().contains("My own note.", "# Context — Notes Two");

    Files.writeString(context, Files.readString(context).replace("# Context — Notes Two", "# Context — our notes"));
    Files.writeString(input, Files.readString(input).replace("title: Notes Two", "title: Notes Three"));
    CliRunner.Run changed = CliRunner.run("generate", input.toString(), "-o", out().toString());
    assertThat(changed.code()).isEqualTo(4);
    assertThat(changed.err()).contains("CONTEXT.md: lines 1-5");
    assertThat(context).content().startsWith("<<<<<<< yours\n# Context — our notes\n=======\n# Context — Notes Three\n"
        + ">>>>>>> generated\n").contains("My own note.");
    assertThat(out().resolve("backend-architect/README.md")).content().contains("Notes Three");
  }

  @Test
  void unknownOptionIsBadUsage() {
    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", "--frobnicate");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--frobnicate'");
  }

  @Test
  void sourceDateEpochMustBeANumber() {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    var cl = Main.commandLine(java.util.Map.of("SOURCE_DATE_EPOCH", "yesterday"));
    cl.setOut(new java.io.PrintWriter(out));
    cl.setErr(new java.io.PrintWriter(err));
    assertThat(cl.execute("generate", "samples/minimal.yaml", "-o", out().toString())).isEqualTo(2);
    assertThat(err.toString()).contains("SOURCE_DATE_EPOCH");
  }
}
