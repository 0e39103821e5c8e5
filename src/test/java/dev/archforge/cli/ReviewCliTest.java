package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code archforge review} as a black box: exit codes, formats, --output, bad paths and options. */
class ReviewCliTest {
  private static final String CORPUS = "src/test/resources/review/";

  @TempDir
  Path tmp;

  @Test
  void aCleanRepositoryExitsZero() {
    CliRunner.Run run = CliRunner.run("review", CORPUS + "clean", "--fail-on", "warning");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("reviewed 8 file(s): 0 error(s), 0 warning(s), 0 note(s)\n");
  }

  @Test
  void anErrorExitsThreeAndNamesFileLineAndRule() {
    CliRunner.Run run = CliRunner.run("review", CORPUS + "dockerfile-non-root");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).startsWith(CORPUS + "dockerfile-non-root/Dockerfile:6:1: error: the final stage sets no USER,"
        + " so the container runs as root [dockerfile/non-root]\n    fix: ");
  }

  @Test
  void failOnDecidesWhichSeverityFails() {
    assertThat(CliRunner.run("review", CORPUS + "migration-destructive").code()).isZero();
    assertThat(CliRunner.run("review", CORPUS + "migration-destructive", "--fail-on", "warning").code()).isEqualTo(3);
    assertThat(CliRunner.run("review", CORPUS + "dockerfile-non-root", "--fail-on", "never").code()).isZero();
  }

  @Test
  void disableTurnsARuleOffAndAnUnknownRuleIsBadUsage() {
    assertThat(CliRunner.run("review", CORPUS + "dockerfile-non-root", "--disable", "dockerfile/non-root").code()).isZero();
    CliRunner.Run unknown = CliRunner.run("review", CORPUS + "clean", "--disable", "dockerfile/nope");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--disable dockerfile/nope: no such rule");
  }

  @Test
  void aMissingPathIsBadInputWithItsPlace() {
    CliRunner.Run run = CliRunner.run("review", tmp.resolve("nowhere").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(tmp.resolve("nowhere") + ":1:1: no such file or folder\n");
    assertThat(CliRunner.run("review", CORPUS + "clean", "--format", "yaml").code()).isEqualTo(2);
  }

  @Test
  void outputWritesTheReportToAFileAndNothingToStdout() throws Exception {
    Path report = tmp.resolve("out/review.sarif");
    CliRunner.Run run = CliRunner.run("review", CORPUS + "k8s-privileged", "--format", "sarif", "-o", report.toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(report)).contains("\"ruleId\" : \"k8s/restricted/privileged\"")
        .contains("\"uri\" : \"" + CORPUS + "k8s-privileged/deployment.yaml\"");
    assertThat(Files.list(report.getParent())).containsExactly(report);
  }

  @Test
  void oneFileCanBeReviewed() {
    CliRunner.Run run = CliRunner.run("review", CORPUS + "compose-plain-secret/docker-compose.yaml", "--format", "json");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).contains("\"path\" : \"" + CORPUS + "compose-plain-secret/docker-compose.yaml\"");
  }

  /** A workspaces root: each agent folder is its own root for the checks across files; paths stay under PATH. */
  @Test
  void aWorkspacesRootReviewsEachAgentFolderAsAWorkspace() throws java.io.IOException {
    Path ws = tmp.resolve("ws");
    CliRunner.Run generate = CliRunner.run("generate", "samples/minimal.yaml", "-o", ws.toString());
    assertThat(generate.code()).as(generate.err()).isZero();
    Files.createDirectories(ws.resolve("frontend"));
    Files.writeString(ws.resolve("frontend/Dockerfile"), "FROM node:20\n");

    CliRunner.Run run = CliRunner.run("review", ws.toString(), "--format", "json", "--fail-on", "warning");

    assertThat(run.out()).as(run.err()).contains("\"path\" : \"" + ws + "/backend-architect/api/notes/openapi.yaml\"",
        "\"path\" : \"" + ws + "/frontend/Dockerfile\"").doesNotContain("coherence/");
    assertThat(run.out()).contains("\"ruleId\" : \"dockerfile/non-root\"");
    CliRunner.Run agent = CliRunner.run("review", ws.resolve("backend-architect").toString(), "--fail-on", "warning");
    assertThat(agent.code()).as(agent.out()).isZero();
    assertThat(CliRunner.run("review", ws.toString(), "--disable", "dockerfile", "--fail-on", "warning").code())
        .as("nothing but the frontend's image fails").isZero();
  }
}
