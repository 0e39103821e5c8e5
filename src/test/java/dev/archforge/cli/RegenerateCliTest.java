package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate → a person edits several files → the requirements change (a new field, a new entity,
 * scale ×25 so that caching flips) → generate again: every edit survives, the new content is in,
 * a conflict is marked exactly where both changed the same lines, the flipped decision has a new
 * record that supersedes the old, a deleted file stays deleted; plan and check say so first.
 */
class RegenerateCliTest {
  static final String FIRST = """
      archforge: 1
      project:
        name: notes
      scale:
        peakRps: 200
        readRatio: 0.9
      decisions:
        deployment: kubernetes
      security:
        roles: [user, admin]
      services:
        notes:
          exposure: public
          entities: [Note]
          access:
            Note: { read: [user], write: [user] }
      entities:
        Note:
          fields:
            body: text
      """;
  static final String SECOND = FIRST.replace("peakRps: 200", "peakRps: 5000")
      .replace("entities: [Note]", "entities: [Note, Tag]")
      .replace("Note: { read: [user], write: [user] }", "Note: { read: [user], write: [user] }\n      Tag: { read: [user], write: [admin] }")
      .replace("      body: text\n", "      body: text\n      title: string\n  Tag:\n    fields:\n      label: string\n");

  @TempDir Path dir;
  Path input;
  Path agent;

  @BeforeEach
  void firstRunAndEdits() throws IOException {
    input = dir.resolve("notes.yaml");
    Files.writeString(input, FIRST);
    agent = dir.resolve("ws/backend-architect");
    assertThat(generate().code()).isZero();

    edit("security/SECURITY.md", s -> s.replace("# Security — notes\n", "# Security — notes\n\nReviewed by the guild.\n"));
    edit("api/notes/openapi.yaml", s -> s.replace("    name: \"notes API team\"\n",
        "    name: \"notes API team\"\n    email: \"notes@example.com\"\n"));
    edit("deploy/k8s/base/notes/serviceaccount.yaml", s -> s + "# owned by the platform team\n");
    edit("decisions/0004-database.md", s -> s.replace("status: proposed", "status: accepted"));
    edit("decisions/0005-caching.md", s -> s.replace("status: proposed", "status: accepted"));
    edit("decisions/0010-scaling.md", s -> s.replace("status: proposed", "status: rejected"));
    edit("CAPACITY.md", s -> s.replace("| Peak requests per second | **200** req/s |",
        "| Peak requests per second | **200** req/s (measured) |"));
    Files.delete(agent.resolve("observability/RUNBOOK.md"));
    Files.writeString(input, SECOND);
  }

  @Test
  void everyEditSurvivesAndConflictsAreMarkedWhereBothChanged() throws IOException {
    CliRunner.Run plan = CliRunner.run("plan", input.toString(), "-o", dir.resolve("ws").toString());
    assertThat(plan.code()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out()).contains("scale.peakRps: 200 → 5000", "entities[Tag]: added",
        "entities[Note].fields[title]: added",
        "caching: none → cdn-and-redis (decisions/0018-caching.md supersedes decisions/0005-caching.md)",
        "conflict  CAPACITY.md", "merged    api/notes/openapi.yaml", "+++ b/api/notes/openapi.yaml",
        "skipped   observability/RUNBOOK.md");
    CliRunner.Run check = CliRunner.run("check", input.toString(), "-o", dir.resolve("ws").toString());
    assertThat(check.code()).isEqualTo(2);
    assertThat(check.out()).contains("conflict  CAPACITY.md").doesNotContain("+++ b/");
    assertThat(agent.resolve("decisions/0018-caching.md")).as("plan writes nothing").doesNotExist();

    CliRunner.Run second = generate();

    assertThat(second.code()).as(second.out() + second.err()).isEqualTo(4);
    assertThat(second.err()).contains("CAPACITY.md: lines 20-32");
    // every edit survives, the new content is in
    assertThat(read("security/SECURITY.md")).contains("Reviewed by the guild.").doesNotContain("<<<<<<<");
    assertThat(read("api/notes/openapi.yaml")).contains("email: \"notes@example.com\"").contains("/tags")
        .contains("title:");
    assertThat(read("deploy/k8s/base/notes/serviceaccount.yaml")).endsWith("# owned by the platform team\n");
    assertThat(read("decisions/0004-database.md")).contains("status: accepted");
    // the conflict is marked exactly where both changed the same lines
    String capacity = read("CAPACITY.md");
    String[] lines = capacity.split("\n");
    assertThat(lines[19]).isEqualTo("<<<<<<< yours");
    assertThat(lines[31]).isEqualTo(">>>>>>> generated");
    assertThat(capacity).contains("**200** req/s (measured)", "**5000** req/s").containsOnlyOnce("<<<<<<<");
    // the flipped decision: a new record, the old one superseded and otherwise as it was
    assertThat(read("decisions/0018-caching.md")).contains("# 0018. Caching: cdn-and-redis", "supersedes: \"0005\"",
        "Supersedes: 0005");
    String old = read("decisions/0005-caching.md");
    assertThat(old).startsWith("---\nstatus: superseded by 0018\n").contains("# 0005. Caching: none");
    assertThat(old.replace("status: superseded by 0018", "status: proposed"))
        .isEqualTo(read(".archforge/pristine/decisions/0005-caching.md").replace("status: superseded by 0018",
            "status: proposed"));
    assertThat(read("decisions/README.md")).contains("| [0005-caching.md](0005-caching.md) | Caching | **none** |"
        + " superseded by 0018 |", "| [0018-caching.md](0018-caching.md) | Caching | **cdn-and-redis** | proposed |",
        "| **postgresql** | accepted |");
    assertThat(read("decisions/0010-scaling.md")).as("a rejected record stays rejected").startsWith("---\nstatus: rejected\n");
    assertThat(read("decisions/0019-scaling.md")).contains("supersedes: \"0010\"");
    assertThat(read("decisions/README.md")).contains("| [0010-scaling.md](0010-scaling.md) | Scaling |"
        + " **horizontal-autoscaling** | rejected |");
    // every document links the record in force
    assertThat(read("CONTEXT.md")).contains("[Caching](decisions/0018-caching.md) | **cdn-and-redis**");
    assertThat(read("ARCHITECTURE.md")).contains("decisions/0018-caching.md").doesNotContain("decisions/0005-caching.md");
    // a deleted file stays deleted
    assertThat(agent.resolve("observability/RUNBOOK.md")).doesNotExist();
    // the work log says why
    assertThat(read("PROGRESS.md")).contains("Requirements changed:", "- scale.peakRps: 200 → 5000",
        "Decisions changed:", "- caching: none → cdn-and-redis", "conflict CAPACITY.md");
    assertThat(CliRunner.run("validate", dir.resolve("ws").toString()).err())
        .contains("CAPACITY.md:20: holds conflict markers from a regeneration (lines 20-32)");

    // the next run refuses until the markers are gone, and writes nothing
    CliRunner.Run refused = generate();
    assertThat(refused.code()).isEqualTo(4);
    assertThat(refused.err()).contains("CAPACITY.md — still holds the conflict markers", "nothing was written");

    edit("CAPACITY.md", s -> s.replaceAll("(?s)<<<<<<< yours\n.*?=======\n(.*?)>>>>>>> generated\n", "$1")
        .replace("| **5000** req/s |", "| **5000** req/s (target) |"));
    CliRunner.Run third = generate();
    assertThat(third.code()).as(third.err()).isZero();
    assertThat(read("CAPACITY.md")).contains("**5000** req/s (target)");
    assertThat(CliRunner.run("check", input.toString(), "-o", dir.resolve("ws").toString()).code()).isZero();

    CliRunner.Run restored = CliRunner.run("generate", input.toString(), "-o", dir.resolve("ws").toString(),
        "--restore", "observability/RUNBOOK.md");
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(agent.resolve("observability/RUNBOOK.md")).exists();
  }

  @Test
  void planAndCheckExitOneOnAnyError() {
    CliRunner.Run missing = CliRunner.run("plan", dir.resolve("none.yaml").toString(), "-o", dir.resolve("ws").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("none.yaml");
    assertThat(CliRunner.run("check", dir.resolve("none.yaml").toString()).code()).isEqualTo(1);
  }

  @Test
  void ownershipRulesOfTheWorkspaceDecideAndBadOnesAreReportedAtTheirLine() throws IOException {
    Files.writeString(agent.resolve(".archforge/ownership.yaml"),
        "security/*.md: managed\n\"api/**\": seeded\nCAPACITY.md: sometimes\n");
    CliRunner.Run bad = generate();
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("ownership.yaml:3:14: unknown ownership 'sometimes'");

    Files.writeString(agent.resolve(".archforge/ownership.yaml"), "security/*.md: managed\n\"api/**\": seeded\n");
    Files.writeString(agent.resolve(".archforgeignore"), "# ours\nCAPACITY.md\n");
    CliRunner.Run blocked = generate();
    assertThat(blocked.code()).isEqualTo(4);
    assertThat(blocked.err()).contains("security/SECURITY.md — managed (", "--force");

    CliRunner.Run forced = CliRunner.run("generate", input.toString(), "-o", dir.resolve("ws").toString(), "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(read("security/SECURITY.md")).doesNotContain("Reviewed by the guild.");
    assertThat(read("api/notes/openapi.yaml")).as("seeded: never touched again").doesNotContain("/tags")
        .contains("notes@example.com");
    assertThat(read("CAPACITY.md")).as("ignored").contains("(measured)").doesNotContain("**5000**");
  }

  @Test
  void aBlueprintSetsOwnershipAndTheWorkspaceOverridesIt() throws IOException {
    Path blueprint = Files.createDirectories(dir.resolve("team"));
    Files.writeString(blueprint.resolve("blueprint.yaml"),
        "name: team\nextends: standard\nownership:\n  security/*.md: managed\n  CAPACITY.md: [merged]\n");
    CliRunner.Run bad = generate("--blueprint", blueprint.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("blueprint.yaml:5:16: the ownership of 'CAPACITY.md' must be one of managed,"
        + " merged, seeded, ignored");

    Files.writeString(blueprint.resolve("blueprint.yaml"), "name: team\nextends: standard\nownership:\n"
        + "  security/*.md: managed\n  CAPACITY.md: managed\n");
    CliRunner.Run blocked = generate("--blueprint", blueprint.toString());
    assertThat(blocked.code()).isEqualTo(4);
    assertThat(blocked.err()).contains("security/SECURITY.md — managed (", "blueprint.yaml:4:3)",
        "CAPACITY.md — managed (");
    assertThat(agent.resolve("decisions/0018-caching.md")).as("nothing was written").doesNotExist();

    Files.writeString(agent.resolve(".archforgeignore"), "[unclosed\n");
    CliRunner.Run badIgnore = generate("--blueprint", blueprint.toString());
    assertThat(badIgnore.code()).isEqualTo(2);
    assertThat(badIgnore.err()).contains(".archforgeignore:1:1: '[unclosed' is not a path pattern");

    Files.writeString(agent.resolve(".archforgeignore"), "security/\n");
    Files.writeString(agent.resolve(".archforge/ownership.yaml"), "CAPACITY.md: merged\n");
    CliRunner.Run merged = generate("--blueprint", blueprint.toString());
    assertThat(merged.code()).as("CAPACITY.md is merged again, and conflicts").isEqualTo(4);
    assertThat(merged.err()).contains("CAPACITY.md: lines 20-32").doesNotContain("SECURITY.md");
    assertThat(read("security/SECURITY.md")).contains("Reviewed by the guild.").doesNotContain("cdn-and-redis");
  }

  private CliRunner.Run generate(String... more) {
    String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("generate", input.toString(), "-o",
        dir.resolve("ws").toString()), java.util.Arrays.stream(more)).toArray(String[]::new);
    return CliRunner.run(args);
  }

  private CliRunner.Run generate() {
    return CliRunner.run("generate", input.toString(), "-o", dir.resolve("ws").toString());
  }

  private String read(String path) throws IOException {
    return Files.readString(agent.resolve(path));
  }

  private void edit(String path, UnaryOperator<String> change) throws IOException {
    String before = read(path);
    String after = change.apply(before);
    assertThat(after).as("the edit of " + path).isNotEqualTo(before);
    Files.writeString(agent.resolve(path), after);
  }
}
