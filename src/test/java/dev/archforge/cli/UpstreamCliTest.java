package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated for real with fake other agents (a frontend, a QA agent, a mobile agent that uses
 * nothing of ours) beside the workspace: CONTEXT.md names them, their last state and the lines
 * that use our services, routes, operations and events; a breaking change names the files that
 * use what changed in --json, PROGRESS.md and SHARED_PROGRESS.md.
 */
class UpstreamCliTest {
  private static final String BASE = """
      archforge: 1
      project: { name: lib }
      security: { roles: [reader, librarian, admin] }
      services:
        books: { api: rest, entities: [Book], publishes: [BookLent] }
        members: { api: grpc, entities: [Member], consumes: [BookLent] }
      entities:
        Book:
          fields:
            title: { type: string, maxLength: 200, required: true }
            isbn: { type: string, maxLength: 20 }
        Member: { fields: { name: { type: string, maxLength: 100, required: true } } }
      events:
        BookLent: { fields: { bookId: { type: uuid, required: true } } }
      """;

  @TempDir
  Path tmp;

  @Test
  void aWorkspaceWithoutOtherAgentsSaysSoInOneLine() throws IOException {
    CliRunner.Run run = generate(BASE, "off");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(context()).contains("## Upstream and downstream\n\n"
        + "No other agents' folders beside this one under the workspaces root.\n");
  }

  @Test
  void contextNamesTheOtherAgentsTheirStateAndTheLinesThatUseOurNames() throws IOException {
    otherAgents();

    CliRunner.Run run = generate(BASE, "off");

    assertThat(run.code()).as(run.err()).isZero();
    String context = context();
    assertThat(context).contains("### frontend\n\n- Last reported: 2026-12-01 — book page: Shows a book and lends it.\n"
        + "- Files read: 2\n");
    assertThat(context).contains("| frontend/src/books.ts: 1 | service books | books |",
        "| frontend/src/books.ts: 2 | route /books/{bookId} | books |",
        "| frontend/src/books.ts: 3 | route /books | books |",
        "| frontend/src/books.ts: 4 | event BookLent | books |",
        "| qa/plans/lending.md: 3, 5 | event BookLent | books |",
        "| qa/plans/lending.md: 4 | service members | members |");
    assertThat(context).contains("### mobile\n\n- Last reported: no PROGRESS.md\n- Files read: 1\n\n"
        + "None of its files names our services, operations, routes, events or topics.\n");
    assertThat(context).doesNotContain("node\\_modules", "PROGRESS.md: ", "books.ts: 1, 2", "lending.md: 3 | service",
        "topic BookLent");
    String first = context;
    Files.writeString(tmp.resolve("lib.yaml"), BASE);
    assertThat(generate(BASE, "off").code()).isZero();
    assertThat(context()).isEqualTo(first);
  }

  @Test
  void aBreakingChangeNamesTheOtherAgentsFilesThatUseWhatChanged() throws IOException {
    otherAgents();
    assertThat(generate(BASE, "off").code()).isZero();

    CliRunner.Run run = generate(BASE.replace("      isbn: { type: string, maxLength: 20 }\n", ""), "off");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    List<String> usedBy = new ArrayList<>();
    for (JsonNode change : json.path("apiChanges")) {
      if (change.path("change").asText().startsWith("response: removed property 'isbn'")) {
        change.path("usedBy").forEach(u -> usedBy.add(u.asText()));
      }
    }
    assertThat(usedBy).containsExactly("frontend/src/books.ts:2");
    String line = "api/books/openapi.yaml (books): response: removed property 'isbn' (clients that read it get nothing)"
        + " (POST /books, GET /books/{bookId}, PATCH /books/{bookId}) — used by frontend/src/books.ts:2";
    assertThat(Files.readString(tmp.resolve("ws/backend-architect/PROGRESS.md"))).contains(escaped(line));
    assertThat(Files.readString(tmp.resolve("ws/SHARED_PROGRESS.md"))).contains("Breaking API changes in this run",
        escaped(line));
  }

  @Test
  void anotherAgentsNewFileIsSeenEvenWhenTheRequirementsDidNotChange() throws IOException {
    Path cache = tmp.resolve("cache");
    assertThat(generate(BASE, cache.toString()).code()).isZero();
    assertThat(context()).contains("No other agents' folders");

    write("qa/plan.md", "Lend through BookLent.\n");
    CliRunner.Run run = generate(BASE, cache.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(context()).contains("| qa/plan.md: 1 | event BookLent | books |");
  }

  private void otherAgents() throws IOException {
    write("frontend/PROGRESS.md", "# Progress\n\n## 2026-11-30 — scaffold\n\nSet up.\n\n## 2026-12-01 — book page\n\n"
        + "Shows a book and lends it.\n");
    write("frontend/src/books.ts", "// the books API\nexport const book = (id: string) => fetch(`/api/books/${id}`);\n"
        + "export const all = () => fetch('/api/books?page=1');\nexport const lent = 'BookLent';\n");
    write("frontend/node_modules/books/index.js", "fetch('/books/1'); // BookLent\n");
    write("qa/plans/lending.md", "# Lending\n\nLend a book through books, expect BookLent.\n"
        + "Then members shows it.\nBookLent twice is one loan.\n");
    write("mobile/README.md", "Nothing yet.\n");
  }

  private static String escaped(String markdown) {
    return markdown.replace("_", "\\_");
  }

  private String context() throws IOException {
    return Files.readString(tmp.resolve("ws/backend-architect/CONTEXT.md"));
  }

  private void write(String path, String text) throws IOException {
    Path file = tmp.resolve("ws").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private CliRunner.Run generate(String yaml, String cache) throws IOException {
    Path input = tmp.resolve("lib.yaml");
    Files.writeString(input, yaml);
    return CliRunner.run(Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH, "ARCHFORGE_CACHE_DIR", cache), "generate",
        input.toString(), "-o", tmp.resolve("ws").toString(), "--json", "--allow-destructive");
  }
}
