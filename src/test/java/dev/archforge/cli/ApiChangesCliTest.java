package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A requirements change, generated for real twice through the CLI: the OpenAPI, GraphQL, proto
 * and AsyncAPI contracts of the second run are compared with the first run's and each change is
 * classified; breaking ones reach --json, PROGRESS.md and the api-versioning record, and
 * --fail-on-breaking stops the run with nothing written.
 */
class ApiChangesCliTest {
  private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH,
      "ARCHFORGE_CACHE_DIR", "off");
  private static final String OPENAPI = "api/books/openapi.yaml";
  private static final String GRAPHQL = "api/members/schema.graphql";
  private static final String PROTO = "api/stock/stock.proto";
  private static final String ASYNCAPI = "api/asyncapi.yaml";

  /** Three services, one per API style, two entities each, and two events; every changed field comes last. */
  private static final String BASE = """
      archforge: 1
      project:
        name: lib
      security:
        roles: [reader, librarian, admin]
      services:
        books:
          api: rest
          entities: [Book, Author]
          publishes: [BookLent, BookReturned]
        members:
          api: graphql
          entities: [Member, Card]
          consumes: [BookLent, BookReturned]
        stock:
          api: grpc
          entities: [Copy, Shelf]
      entities:
        Book:
          fields:
            title: { type: string, maxLength: 200, required: true }
            genre: { type: enum, values: [fiction, science] }
            isbn: { type: string, maxLength: 20 }
        Author:
          fields:
            name: { type: string, maxLength: 100, required: true }
        Member:
          fields:
            name: { type: string, maxLength: 100, required: true }
            level: { type: enum, values: [basic, gold] }
            email: { type: email }
        Card:
          fields:
            number: { type: string, maxLength: 20, required: true }
        Copy:
          fields:
            barcode: { type: string, maxLength: 40, required: true }
            state: { type: enum, values: [ok, damaged] }
            shelfCode: { type: string, maxLength: 10 }
        Shelf:
          fields:
            code: { type: string, maxLength: 10, required: true }
      events:
        BookLent:
          fields:
            bookId: { type: uuid, required: true }
            mode: { type: enum, values: [loan, renewal] }
            note: { type: string, maxLength: 100 }
        BookReturned:
          fields:
            bookId: { type: uuid, required: true }
      """;

  @TempDir
  Path tmp;

  @Test
  void aFirstRunHasNothingToCompare() throws IOException {
    CliRunner.Run run = generate(BASE);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(json(run).path("apiChanges").isArray()).isTrue();
    assertThat(json(run).path("apiChanges")).isEmpty();
  }

  @Test
  void aRemovedFieldBreaksEveryContract() throws IOException {
    List<Change> changes = changes(rerun(without(BASE, "isbn:", "email:", "shelfCode:", "note:")));

    assertThat(changes).contains(
        new Change("books", OPENAPI, "response: removed property 'isbn' (clients that read it get nothing) "
            + "(POST /books, GET /books/{bookId}, PATCH /books/{bookId})", true),
        new Change("books", OPENAPI, "request body: removed property 'isbn' (the request refuses unknown properties, "
            + "so clients that still send it fail) (POST /books, PATCH /books/{bookId})", true),
        new Change("members", GRAPHQL, "Member.email: The new API is missing the field 'Member.email'", true),
        new Change("stock", PROTO, "removed field Copy.shelf_code = 6 (clients that read it get nothing)", true),
        new Change("books", ASYNCAPI, "removed BookLent payload property 'note' (consumers that read it get nothing)",
            true));
    assertThat(changes).filteredOn(c -> !c.breaking()).isEmpty();
  }

  @Test
  void aNewRequiredFieldBreaksWhatClientsSend() throws IOException {
    List<Change> changes = changes(rerun(BASE
        .replace("      isbn: { type: string, maxLength: 20 }\n", "      isbn: { type: string, maxLength: 20 }\n"
            + "      publisher: { type: string, maxLength: 50, required: true }\n")
        .replace("      email: { type: email }\n", "      email: { type: email }\n"
            + "      phone: { type: string, maxLength: 20, required: true }\n")
        .replace("      shelfCode: { type: string, maxLength: 10 }\n", "      shelfCode: { type: string, maxLength: 10 }\n"
            + "      floor: { type: integer, required: true }\n")
        .replace("      note: { type: string, maxLength: 100 }\n", "      note: { type: string, maxLength: 100 }\n"
            + "      dueOn: { type: date, required: true }\n")));

    assertThat(changes).contains(
        new Change("books", OPENAPI, "request body: new required property 'publisher' (clients that do not send it fail) "
            + "(POST /books)", true),
        new Change("stock", PROTO, "new required field CopyInput.floor = 4 (old clients do not send it and are refused)",
            true),
        new Change("books", ASYNCAPI, "new required BookLent payload property 'dueOn' (the payload refuses unknown "
            + "properties, so consumers of the current version refuse it)", true));
    assertThat(changes).anySatisfy(c -> {
      assertThat(c.contract()).isEqualTo(GRAPHQL);
      assertThat(c.change()).startsWith("CreateMemberInput.phone:");
      assertThat(c.breaking()).isTrue();
    });
    assertThat(changes).as("what the service adds to its answers breaks no one")
        .contains(new Change("books", OPENAPI, "response: new optional property 'publisher' "
            + "(POST /books, GET /books/{bookId}, PATCH /books/{bookId})", false));
  }

  @Test
  void aRemovedEntityOrEventRemovesOperations() throws IOException {
    String yaml = BASE.replace("[Book, Author]", "[Book]").replace("[Member, Card]", "[Member]")
        .replace("[Copy, Shelf]", "[Copy]").replace("[BookLent, BookReturned]", "[BookLent]");
    for (String block : List.of("  Author:", "  Card:", "  Shelf:", "  BookReturned:")) {
      yaml = withoutBlock(yaml, block);
    }
    List<Change> changes = changes(rerun(yaml));

    assertThat(changes).contains(
        new Change("books", OPENAPI, "removed operation GET /authors", true),
        new Change("books", OPENAPI, "removed operation DELETE /authors/{authorId}", true),
        new Change("stock", PROTO, "removed RPC StockService.GetShelf", true),
        new Change("stock", PROTO, "removed message Shelf", true),
        new Change("books", ASYNCAPI, "removed channel books.BookReturned (its consumers get nothing)", true),
        new Change("books", ASYNCAPI, "removed message BookReturned", true));
    assertThat(changes).anySatisfy(c -> {
      assertThat(c.contract()).isEqualTo(GRAPHQL);
      assertThat(c.change()).contains("missing the field 'Query.card'");
      assertThat(c.breaking()).isTrue();
    });
  }

  @Test
  void aChangedEnumBreaksEveryContract() throws IOException {
    List<Change> changes = changes(rerun(BASE.replace("[fiction, science]", "[fiction, poetry]")
        .replace("[basic, gold]", "[basic, platinum]").replace("[ok, damaged]", "[ok, lost]")
        .replace("[loan, renewal]", "[loan, extension]")));

    assertThat(changes).contains(
        new Change("books", OPENAPI, "request body property 'genre': enum values changed (removed [science], "
            + "added [poetry]) (POST /books, PATCH /books/{bookId})", true),
        new Change("stock", PROTO, "removed enum value Copy.State.STATE_DAMAGED", true),
        new Change("stock", PROTO, "new enum value Copy.State.STATE_LOST (older clients see its number)", false),
        new Change("books", ASYNCAPI, "BookLent payload property 'mode': enum values changed from "
            + "[\"loan\",\"renewal\"] to [\"loan\",\"extension\"]", true));
    assertThat(changes).anySatisfy(c -> {
      assertThat(c.contract()).isEqualTo(GRAPHQL);
      assertThat(c.change()).contains("MemberLevel").contains("GOLD");
      assertThat(c.breaking()).isTrue();
    });
  }

  @Test
  void aNewOptionalFieldBreaksOnlyTheClosedEventPayload() throws IOException {
    List<Change> changes = changes(rerun(BASE
        .replace("      isbn: { type: string, maxLength: 20 }\n", "      isbn: { type: string, maxLength: 20 }\n"
            + "      subtitle: { type: string, maxLength: 100 }\n")
        .replace("      email: { type: email }\n", "      email: { type: email }\n"
            + "      nickname: { type: string, maxLength: 30 }\n")
        .replace("      shelfCode: { type: string, maxLength: 10 }\n", "      shelfCode: { type: string, maxLength: 10 }\n"
            + "      floor: { type: integer }\n")
        .replace("      note: { type: string, maxLength: 100 }\n", "      note: { type: string, maxLength: 100 }\n"
            + "      dueOn: { type: date }\n")));

    assertThat(changes).filteredOn(c -> !c.contract().equals(ASYNCAPI)).isNotEmpty().allSatisfy(c ->
        assertThat(c.breaking()).as(c.toString()).isFalse());
    assertThat(changes).contains(
        new Change("books", OPENAPI, "request body: new optional property 'subtitle' (POST /books, PATCH /books/{bookId})",
            false),
        new Change("stock", PROTO, "new optional field Copy.floor = 7", false),
        new Change("books", ASYNCAPI, "new optional BookLent payload property 'dueOn' (the payload refuses unknown "
            + "properties, so consumers of the current version refuse it)", true));
    assertThat(changes).anySatisfy(c -> assertThat(c.change()).contains("Member.nickname"));
  }

  @Test
  void breakingChangesAreInTheWorkLogAndTheVersioningRecord() throws IOException {
    CliRunner.Run run = rerun(without(BASE, "isbn:"));

    assertThat(run.code()).as(run.err()).isZero();
    Path agent = tmp.resolve("ws/backend-architect");
    String entry = Files.readString(agent.resolve("PROGRESS.md"));
    assertThat(entry.substring(entry.lastIndexOf("## "))).contains("Breaking API changes",
        "- api/books/openapi.yaml (books): response: removed property 'isbn' (clients that read it get nothing)");
    // the record in force is never rewritten: a new one states the breaking changes and supersedes it
    assertThat(Files.readString(agent.resolve("decisions/0007-api-versioning.md"))).contains("superseded by");
    Path successor;
    try (var files = Files.list(agent.resolve("decisions"))) {
      successor = files.filter(f -> f.getFileName().toString().matches("\\d{4}-api-versioning\\.md"))
          .filter(f -> !f.getFileName().toString().startsWith("0007")).findFirst().orElseThrow();
    }
    String record = Files.readString(successor);
    assertThat(record).contains("Supersedes: 0007");
    assertThat(record.substring(record.indexOf("### Consequences"), record.indexOf("## Pros and cons")))
        .contains("This run's contracts break clients",
            "- `api/books/openapi.yaml` (books): response: removed property 'isbn' (clients that read it get nothing)");
    String relative = agent.relativize(successor).toString();
    assertThat(Files.readString(agent.resolve(".archforge/pristine/" + relative)))
        .as("the record is generated from the plan's facts, like every other file").isEqualTo(record);

    CliRunner.Run again = generate(without(BASE, "isbn:"), "--no-cache");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(Files.readString(successor)).as("an unchanged re-run keeps the record as issued").isEqualTo(record);
  }

  @Test
  void failOnBreakingExitsThreeAndWritesNothing() throws IOException {
    assertThat(generate(BASE).code()).isZero();
    Map<String, String> before = tree(tmp.resolve("ws"));

    CliRunner.Run run = generate(without(BASE, "isbn:", "email:"), "--fail-on-breaking");

    assertThat(run.code()).isEqualTo(3);
    assertThat(tree(tmp.resolve("ws"))).as("the workspace, byte for byte").isEqualTo(before);
    JsonNode errors = json(run).path("errors");
    assertThat(errors.get(0).asText()).contains("--fail-on-breaking").contains("nothing was written");
    assertThat(errors.toString()).contains(
        "api/books/openapi.yaml (books): response: removed property 'isbn'",
        "api/books/openapi.yaml (books): request body: removed property 'isbn'",
        "api/members/schema.graphql (members): Member.email: The new API is missing the field 'Member.email'");
    assertThat(json(run).path("written").asBoolean()).isFalse();
  }

  @Test
  void failOnBreakingLetsACompatibleChangeThrough() throws IOException {
    String yaml = BASE.replace("      isbn: { type: string, maxLength: 20 }\n", "      isbn: { type: string, maxLength: 20 }\n"
        + "      subtitle: { type: string, maxLength: 100 }\n");
    assertThat(generate(BASE).code()).isZero();

    CliRunner.Run run = generate(yaml, "--fail-on-breaking");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(changes(run)).isNotEmpty().noneMatch(Change::breaking);
    assertThat(tmp.resolve("ws/backend-architect/api/books/openapi.yaml")).content().contains("subtitle");
  }

  @Test
  void theTextSummaryAndABatchListTheChanges() throws IOException {
    assertThat(generate(BASE).code()).isZero();
    Files.writeString(tmp.resolve("lib.yaml"), without(BASE, "isbn:"));

    CliRunner.Run text = CliRunner.run(ENV, "generate", tmp.resolve("lib.yaml").toString(), "-o",
        tmp.resolve("ws").toString(), "--dry-run", "--allow-destructive");
    assertThat(text.out()).contains("breaking  api/books/openapi.yaml (books): response: removed property 'isbn'");

    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.copy(Path.of("samples/minimal.yaml"), other.resolve("minimal.yaml"));
    Files.writeString(tmp.resolve("lib.yaml"), BASE);
    String[] inputs = {"generate", tmp.resolve("lib.yaml").toString(), other.resolve("minimal.yaml").toString(), "--json",
        "--allow-destructive"};
    assertThat(CliRunner.run(ENV, inputs).code()).isZero();
    Files.writeString(tmp.resolve("lib.yaml"), without(BASE, "isbn:"));
    CliRunner.Run batch = CliRunner.run(ENV, inputs);
    JsonNode runs = new ObjectMapper().readTree(batch.out());
    assertThat(batch.code()).as(batch.err()).isZero();
    assertThat(runs.get(0).path("apiChanges").toString()).contains("removed property 'isbn'");
    assertThat(runs.get(1).path("apiChanges").isArray()).isTrue();
    assertThat(runs.get(1).path("apiChanges")).isEmpty();
  }

  record Change(String service, String contract, String change, boolean breaking) {}

  /** The base generated into {@code tmp/ws}, then this requirements file into the same workspace, with --json. */
  private CliRunner.Run rerun(String yaml) throws IOException {
    CliRunner.Run first = generate(BASE);
    assertThat(first.code()).as(first.err()).isZero();
    CliRunner.Run second = generate(yaml);
    assertThat(second.code()).as(second.err() + second.out()).isZero();
    return second;
  }

  private CliRunner.Run generate(String yaml, String... more) throws IOException {
    Path input = tmp.resolve("lib.yaml");
    Files.writeString(input, yaml);
    // removing fields drops columns too: consent here, the schema's own gate is tested in the migrations tests
    List<String> args = new ArrayList<>(List.of("generate", input.toString(), "-o", tmp.resolve("ws").toString(),
        "--json", "--allow-destructive"));
    args.addAll(Arrays.asList(more));
    return CliRunner.run(ENV, args.toArray(String[]::new));
  }

  private static JsonNode json(CliRunner.Run run) throws IOException {
    return new ObjectMapper().readTree(run.out());
  }

  private static List<Change> changes(CliRunner.Run run) throws IOException {
    List<Change> changes = new ArrayList<>();
    for (JsonNode c : json(run).path("apiChanges")) {
      changes.add(new Change(c.path("service").asText(), c.path("contract").asText(), c.path("change").asText(),
          c.path("breaking").asBoolean()));
    }
    return changes;
  }

  /** The YAML without the lines that, stripped, start with one of these. */
  private static String without(String yaml, String... starts) {
    StringBuilder kept = new StringBuilder();
    for (String line : yaml.split("\n", -1)) {
      if (Arrays.stream(starts).noneMatch(s -> line.strip().startsWith(s))) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  /** The YAML without this line and the more indented ones under it. */
  private static String withoutBlock(String yaml, String header) {
    StringBuilder kept = new StringBuilder();
    boolean inside = false;
    int depth = header.length() - header.stripLeading().length();
    for (String line : yaml.split("\n", -1)) {
      int indent = line.length() - line.stripLeading().length();
      if (line.equals(header)) {
        inside = true;
      } else if (inside && (line.isBlank() || indent > depth)) {
        continue;
      } else {
        inside = false;
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  /** Every file under root with its bytes (as Latin-1 text, so that maps compare by content). */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
