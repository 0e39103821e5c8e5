package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blueprint's {@code review: {disable: [...]}} turns rules off for {@code archforge review}. */
class ReviewBlueprintCliTest {
  private static final String DESTRUCTIVE = "src/test/resources/review/migration-destructive";

  @TempDir
  Path tmp;

  private Path blueprint(String review) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bp"));
    Files.writeString(dir.resolve("blueprint.yaml"), "extends: standard\nreview:\n" + review);
    return dir;
  }

  @Test
  void aRuleTheBlueprintDisablesGivesNoFinding() throws IOException {
    Path bp = blueprint("  disable: [migration/destructive]\n");

    CliRunner.Run off = CliRunner.run("review", DESTRUCTIVE, "--blueprint", bp.toString(), "--fail-on", "warning");
    CliRunner.Run on = CliRunner.run("review", DESTRUCTIVE, "--fail-on", "warning");

    assertThat(off.code()).as(off.out() + off.err()).isZero();
    assertThat(off.out()).doesNotContain("migration/destructive");
    assertThat(on.code()).as("the standard blueprint disables nothing").isEqualTo(3);
  }

  @Test
  void anUnknownRuleInTheBlueprintIsALocatedError() throws IOException {
    Path bp = blueprint("  disable:\n    - migration/destructive\n    - k8s/probe\n");

    CliRunner.Run run = CliRunner.run("review", DESTRUCTIVE, "--blueprint", bp.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(bp.resolve("blueprint.yaml") + ":5:7: review: disable: no rule 'k8s/probe'")
        .doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aWorkspaceIsReviewedWithTheBlueprintItWasGeneratedWith() throws IOException {
    Path bp = blueprint("  disable: [dockerfile/non-root]\n");
    Path ws = tmp.resolve("ws");
    CliRunner.Run generate = CliRunner.run("generate", "samples/minimal.yaml", "-o", ws.toString());
    assertThat(generate.code()).as(generate.err()).isZero();
    Path agent = ws.resolve("backend-architect");
    // the workspace records the blueprint's name (standard here); a folder stands in for a blueprint of its own
    Path recorded = agent.resolve(".archforge/requirements.normalized.yaml");
    Files.writeString(recorded, Files.readString(recorded).replace("\nblueprint: standard\n", "\nblueprint: " + bp + "\n"));
    Files.createDirectories(agent.resolve("extra"));
    Files.writeString(agent.resolve("extra/Dockerfile"),
        "FROM nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n");

    CliRunner.Run run = CliRunner.run("review", agent.toString(), "--format", "json", "--fail-on", "never");
    CliRunner.Run standard = CliRunner.run("review", agent.toString(), "--blueprint", "standard", "--format", "json",
        "--fail-on", "never");

    assertThat(run.out()).as(run.err()).doesNotContain("\"ruleId\" : \"dockerfile/non-root\"");
    assertThat(standard.out()).as(standard.err()).contains("\"ruleId\" : \"dockerfile/non-root\"");
  }
}
