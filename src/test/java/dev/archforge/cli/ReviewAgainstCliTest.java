package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review --against}: a workspace generated from an older version of the requirements gets
 * a MIGRATION-PLAN.md of ordered steps (strangler for a new service, expand/contract for a breaking
 * contract and a destructive migration) which, applied by regenerating from the newer version,
 * leave nothing to migrate and no finding.
 */
class ReviewAgainstCliTest {
  private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH,
      "ARCHFORGE_CACHE_DIR", "off");
  private static final String OLD = """
      archforge: 1
      project: { name: shelf }
      security: { roles: [reader, librarian, admin] }
      services:
        books: { api: rest, entities: [Book] }
        members: { api: rest, entities: [Member] }
      entities:
        Member: { fields: { name: { type: string, maxLength: 100, required: true } } }
        Book:
          fields:
            isbn: { type: string, maxLength: 20 }
            title: { type: string, maxLength: 250, required: true }
      """;
  /** isbn goes (a breaking contract change and a destructive migration), a subtitle and a loans service come. */
  private static final String NEW = OLD
      .replace("      isbn: { type: string, maxLength: 20 }\n", "      subtitle: { type: string, maxLength: 100 }\n")
      .replace("  members: { api: rest, entities: [Member] }\n",
          "  members: { api: rest, entities: [Member] }\n  loans: { api: rest, entities: [Loan] }\n")
      + "  Loan: { fields: { due: { type: date, required: true } } }\n";

  @TempDir
  Path tmp;

  @Test
  void thePlansStepsAppliedByRegeneratingLeaveNothingToMigrateAndNoFinding() throws IOException {
    Path oldInput = write("old.yaml", OLD);
    Path newInput = write("new.yaml", NEW);
    Path ws = tmp.resolve("ws");
    assertThat(CliRunner.run(ENV, "generate", oldInput.toString(), "-o", ws.toString()).code()).isZero();
    write("ws/frontend/src/books.ts", "export const book = (id: string) => fetch(`/books/${id}`);\n");

    CliRunner.Run review = CliRunner.run(ENV, "review", ws.toString(), "--against", newInput.toString(),
        "--fail-on", "warning");

    assertThat(review.code()).as(review.out() + review.err()).isZero();
    Path planFile = ws.resolve("backend-architect/MIGRATION-PLAN.md");
    assertThat(review.err()).contains("wrote " + planFile);
    String plan = Files.readString(planFile);
    assertThat(titles(plan)).containsExactly(
        "1. Record the decisions and documents",
        "2. Stand up loans beside the current system",
        "3. Roll out the runtime changes",
        "4. Apply the security controls",
        "5. Change api/books/openapi.yaml without breaking its clients",
        "6. Contract the data stores");
    String contract = section(plan, "5. ");
    assertThat(contract).contains("- Pattern: expand/contract\n", "- Roll back: Keep serving the old shape",
        "- updated api/books/openapi.yaml", "breaking: response: removed property 'isbn'",
        "clients to move: frontend/src/books.ts:1", "- Unblocks: step 6 (Contract the data stores)");
    assertThat(section(plan, "6. ")).contains("- Risk: high", "(destructive)", "isbn", "subtitle",
        "To expand first, generate from requirements that still keep what this removes");
    assertThat(section(plan, "2. ")).contains("- Pattern: strangler", "- written api/loans/openapi.yaml",
        "- written db/loans/migrations/V1\\_\\_");
    assertThat(section(plan, "1. ")).contains("- updated db/README.md", "- Unblocks: step 2 (");
    assertThat(plan).contains("## Findings no step resolves\n\n- None.\n");
    assertThat(CliRunner.run(ENV, "review", ws.toString(), "--against", newInput.toString()).err())
        .as("the same review writes the same plan").contains("wrote");
    assertThat(Files.readString(planFile)).isEqualTo(plan);

    CliRunner.Run regenerate = CliRunner.run(ENV, "generate", newInput.toString(), "-o", ws.toString(),
        "--allow-destructive");
    assertThat(regenerate.code()).as(regenerate.err()).isZero();
    CliRunner.Run again = CliRunner.run(ENV, "review", ws.toString(), "--against", newInput.toString(),
        "--fail-on", "warning");
    assertThat(again.code()).as(again.out() + again.err()).isZero();
    assertThat(Files.readString(planFile)).contains("Nothing to migrate: the workspace is what the requirements imply.")
        .doesNotContain("### ");
  }

  /** The library sample before and after its first release: a renamed field, a new entity, nothing destroyed. */
  @Test
  void aWorkspaceOfAnOlderVersionReviewsCleanOnceRegeneratedAsThePlanSays() throws IOException {
    Path ws = tmp.resolve("ws");
    String newInput = "samples/evolution/library-v2.yaml";
    assertThat(CliRunner.run(ENV, "generate", "samples/evolution/library-v1.yaml", "-o", ws.toString()).code())
        .isZero();

    CliRunner.Run review = CliRunner.run(ENV, "review", ws.toString(), "--against", newInput);

    assertThat(review.code()).as(review.out() + review.err()).isZero();
    String plan = Files.readString(ws.resolve("backend-architect/MIGRATION-PLAN.md"));
    assertThat(titles(plan)).contains("1. Record the decisions and documents", "2. Expand the data stores")
        .anyMatch(t -> t.contains("without breaking its clients"));
    assertThat(section(plan, "2. ")).contains("RENAME", "author").doesNotContain("(destructive)");

    CliRunner.Run regenerate = CliRunner.run(ENV, "generate", newInput, "-o", ws.toString());
    assertThat(regenerate.code()).as(regenerate.err()).isZero();
    // the generated V2 renames and widens, which loses no data: no finding at all
    CliRunner.Run again = CliRunner.run(ENV, "review", ws.toString(), "--against", newInput, "--fail-on", "warning",
        "--format", "json");

    assertThat(again.code()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("\"errors\" : 0", "\"warnings\" : 0");
    assertThat(Files.readString(ws.resolve("backend-architect/MIGRATION-PLAN.md"))).contains(
        "Nothing to migrate: the workspace is what the requirements imply.").doesNotContain("### ");
  }

  @Test
  void badRequirementsWriteNoPlan() throws IOException {
    Path ws = tmp.resolve("ws");
    assertThat(CliRunner.run(ENV, "generate", write("old.yaml", OLD).toString(), "-o", ws.toString()).code()).isZero();

    CliRunner.Run run = CliRunner.run(ENV, "review", ws.toString(), "--against", write("bad.yaml", "archforge: 1\n")
        .toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("bad.yaml:");
    assertThat(ws.resolve("backend-architect/MIGRATION-PLAN.md")).doesNotExist();
  }

  private static List<String> titles(String plan) {
    Matcher m = Pattern.compile("(?m)^### (.+)$").matcher(plan);
    return m.results().map(r -> r.group(1)).toList();
  }

  private static String section(String plan, String number) {
    int start = plan.indexOf("### " + number);
    int end = plan.indexOf("\n### ", start + 1);
    return plan.substring(start, end < 0 ? plan.length() : end);
  }

  private Path write(String path, String text) throws IOException {
    Path file = tmp.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
