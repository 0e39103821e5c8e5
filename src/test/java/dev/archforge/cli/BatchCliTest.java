package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.pipeline.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate A.yaml B.yaml ...}: many inputs in one process, each whole or nothing. */
class BatchCliTest {
  private static final String BAD = "src/test/resources/bad/unknown-scale-key.yaml";

  @TempDir
  Path tmp;

  @Test
  void withOutEachProjectGetsItsOwnFolderAndABadInputStopsNoOther() throws IOException {
    Path out = tmp.resolve("all");
    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", BAD, "samples/saas-projects.yaml",
        "-o", out.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(out.resolve("notes/backend-architect/api/notes/openapi.yaml")).isRegularFile();
    assertThat(out.resolve("notes/SHARED_PROGRESS.md")).isRegularFile();
    try (var listed = Files.list(out)) {
      assertThat(listed.map(p -> p.getFileName().toString()).toList()).hasSize(2).contains("notes");
    }
    assertThat(run.out().lines().toList()).hasSize(4);
    assertThat(run.out().lines().toList().get(0)).startsWith("ok ").contains("samples/minimal.yaml")
        .contains(out.resolve("notes/backend-architect").toString()).contains("written");
    assertThat(run.out().lines().toList().get(1)).isEqualTo("failed 2 " + BAD);
    assertThat(run.out().lines().toList().get(2)).startsWith("ok ").contains("samples/saas-projects.yaml");
    assertThat(run.out().lines().toList().get(3)).isEqualTo("3 inputs: 2 ok, 1 failed; exit code 2");
    assertThat(run.err()).contains(BAD + ": " + BAD + ":4:3: unknown key 'concurrentUser'")
        .doesNotContain("Exception");
  }

  @Test
  void withoutOutEachWorkspaceGoesBesideItsRequirements() throws IOException {
    Path a = copy("minimal", tmp.resolve("a"));
    Path b = copy("saas-projects", tmp.resolve("b"));

    CliRunner.Run run = CliRunner.run("generate", a.toString(), b.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(tmp.resolve("a/workspaces/backend-architect/api/notes/openapi.yaml")).isRegularFile();
    assertThat(tmp.resolve("b/workspaces/backend-architect/CONTEXT.md")).isRegularFile();
    assertThat(run.out()).endsWith("2 inputs: 2 ok, 0 failed" + System.lineSeparator());

    CliRunner.Run again = CliRunner.run("generate", a.toString(), b.toString());
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("nothing to write in").doesNotContain(" written");
  }

  @Test
  void twoInputsNeverWriteOneWorkspace() throws IOException {
    Path first = copy("minimal", tmp.resolve("same"));
    Path second = Files.copy(Path.of("samples/saas-projects.yaml"), tmp.resolve("same/other.yaml"));

    CliRunner.Run beside = CliRunner.run("generate", first.toString(), second.toString());
    assertThat(beside.code()).isEqualTo(2);
    assertThat(beside.out()).contains("failed 2 " + second);
    assertThat(beside.err()).contains("is also that of").contains("-o DIR");
    assertThat(tmp.resolve("same/workspaces/backend-architect/api/notes/openapi.yaml")).isRegularFile();

    Path renamed = Files.writeString(tmp.resolve("twin.yaml"), Files.readString(first));
    Path out = tmp.resolve("out");
    CliRunner.Run byName = CliRunner.run("generate", first.toString(), renamed.toString(), "-o", out.toString());
    assertThat(byName.code()).isEqualTo(2);
    assertThat(byName.out()).contains("failed 2 " + renamed);
  }

  @Test
  void theEarlierInputKeepsItsWorkspaceEvenWhenALaterOneIsReadyFirst() throws IOException {
    Path slow = copy("ecommerce", tmp.resolve("same"));
    Path quick = Files.copy(Path.of("samples/minimal.yaml"), tmp.resolve("same/quick.yaml"));

    CliRunner.Run run = CliRunner.run("generate", slow.toString(), quick.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.out().lines().toList().get(0)).startsWith("ok ").contains(slow.toString());
    assertThat(run.out().lines().toList().get(1)).isEqualTo("failed 2 " + quick);
    assertThat(run.err()).contains(quick + ": its workspace").contains("also that of " + slow.toAbsolutePath());
    assertThat(tmp.resolve("same/workspaces/backend-architect/CONTEXT.md")).content().startsWith("# Context — Acme Shop");
  }

  @Test
  void runsThatOverlapWriteWhatEachWouldWriteAlone() throws IOException {
    List<String> samples = List.of("ecommerce", "minimal", "fintech-ledger", "saas-projects");
    List<String> args = new ArrayList<>(List.of("generate"));
    samples.forEach(s -> args.add("samples/" + s + ".yaml"));
    args.addAll(List.of("-o", tmp.resolve("batch").toString(), "--no-cache"));
    assertThat(CliRunner.run(args.toArray(String[]::new)).code()).isZero();

    for (String sample : samples) {
      Path alone = tmp.resolve("alone-" + sample);
      CliRunner.Run run = CliRunner.run("generate", "samples/" + sample + ".yaml", "-o", alone.toString(),
          "--no-cache");
      assertThat(run.code()).as(run.err()).isZero();
      String project = projectFolder(tmp.resolve("batch"), alone);
      assertThat(files(tmp.resolve("batch").resolve(project))).isEqualTo(files(alone));
    }
  }

  /** The folder of {@code -o DIR/} a batch gave the project whose single run wrote {@code alone}. */
  private static String projectFolder(Path batch, Path alone) throws IOException {
    String context = Files.readString(alone.resolve("backend-architect/CONTEXT.md"));
    try (var listed = Files.list(batch)) {
      for (Path project : listed.toList()) {
        if (Files.readString(project.resolve("backend-architect/CONTEXT.md")).equals(context)) {
          return project.getFileName().toString();
        }
      }
    }
    throw new AssertionError("no project of the batch has the CONTEXT.md of " + alone);
  }

  /** Every file under {@code root} with its content, except the run's dated work logs. */
  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString();
        if (!name.endsWith("PROGRESS.md")) {
          files.put(name, Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
      }
    }
    return files;
  }

  @Test
  void jsonIsOneObjectPerInputInAnArray() throws IOException {
    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", BAD, "-o", tmp.toString(), "--json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.code()).isEqualTo(2);
    assertThat(json.isArray()).isTrue();
    assertThat(json).hasSize(2);
    assertThat(json.get(0).get("input").asText()).isEqualTo("samples/minimal.yaml");
    assertThat(json.get(0).get("exitCode").asInt()).isZero();
    assertThat(json.get(0).get("files").size()).isPositive();
    assertThat(json.get(1).get("exitCode").asInt()).isEqualTo(2);
    assertThat(json.get(1).get("errors").get(0).asText()).contains("unknown key 'concurrentUser'");
  }

  @Test
  void theExitCodeIsTheMostSevereOfTheRuns() throws IOException {
    Path input = copy("minimal", tmp.resolve("edited"));
    Path out = tmp.resolve("out");
    assertThat(CliRunner.run("generate", input.toString(), tmp.resolve("none.yaml").toString(), "-o", out.toString())
        .code()).isEqualTo(2);
    Path context = out.resolve("notes/backend-architect/CONTEXT.md");
    Files.writeString(context, Files.readString(context).replace("# Context — notes", "# Context — my notes"));
    Files.writeString(input, Files.readString(input).replace("name: notes", "name: notes\n  title: Notes Two"));

    CliRunner.Run conflictOnly = CliRunner.run("generate", input.toString(), "samples/saas-projects.yaml",
        "-o", out.toString());
    assertThat(conflictOnly.code()).as(conflictOnly.out()).isEqualTo(4);
    assertThat(conflictOnly.out()).contains("failed 4 " + input).contains("ok ");
    assertThat(context).content().contains("# Context — my notes", "<<<<<<< yours");
    CliRunner.Run withBad = CliRunner.run("generate", input.toString(), BAD, "-o", out.toString());
    assertThat(withBad.code()).isEqualTo(2);
    assertThat(Batch.SEVERITY).containsExactly(ExitCode.INTERNAL, ExitCode.INVALID_OUTPUT, ExitCode.BAD_INPUT,
        ExitCode.NEEDS_PERSON, ExitCode.OK);
  }

  private static Path copy(String sample, Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.copy(Path.of("samples", sample + ".yaml"), dir.resolve(sample + ".yaml"));
  }
}
