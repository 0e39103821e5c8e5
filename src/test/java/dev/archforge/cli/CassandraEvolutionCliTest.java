package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.deliverable.migrations.CqlValidator;
import dev.archforge.deliverable.migrations.MigrationsDeliverable;
import dev.archforge.model.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library of samples/evolution on Cassandra, through the CLI: a second version (a new entity, a
 * new field, a new access pattern) appends V2__...cql with only the difference and leaves schema.cql
 * as it was; a third that drops a field and changes a column's type exits 4, names the codes and
 * writes nothing until --allow-destructive, then appends V3 with the review markers. Every file is
 * parsed by Cassandra's own CQL parser.
 */
class CassandraEvolutionCliTest {
  private static final String DB = "workspaces/backend-architect/db/library";
  private static final String V1 = Path.of("samples/evolution/library-v1.yaml").toString();

  @TempDir
  Path tmp;

  @Test
  void laterVersionsAppendCqlMigrationsAndDestructiveOnesNeedConsent() throws IOException {
    String out = tmp.resolve("workspaces").toString();
    String v1 = Files.readString(Path.of(V1)).replace("database: postgresql", "database: cassandra");
    String v2 = v1.replace("    entities: [Book, Member, Loan]", "    entities: [Book, Member, Loan, Author]")
        .replace("      isbn:  { type: string, maxLength: 13, unique: true }\n",
            "      isbn:  { type: string, maxLength: 13, unique: true }\n      pages: { type: integer }\n"
            + "      genre: { type: enum, values: [fiction, science] }\n")
        .replace("entities:\n  Book:", "entities:\n  Author:\n    fields:\n      name: { type: string, required: true }\n  Book:");
    String v3 = v2.replace("      isbn:  { type: string, maxLength: 13, unique: true }\n", "")
        .replace("      dueOn: { type: date, required: true }", "      dueOn: { type: datetime, required: true }");

    assertThat(generate(v1, "v1.yaml", out).code()).isZero();
    String schema = Files.readString(tmp.resolve(DB).resolve("schema.cql"));
    assertThat(tmp.resolve("workspaces/backend-architect/.archforge/schema/library.cql.json")).exists();

    CliRunner.Run second = generate(v2, "v2.yaml", out, "--json");

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(files()).singleElement().asString().startsWith("V2__add_pages_and_add_genre_and_");
    String migration = migration("V2");
    assertThat(migration)
        .contains("ALTER TABLE library_library.book_by_id ADD pages int;")
        .contains("ALTER TABLE library_library.book_by_isbn ADD genre text;")
        .contains("CREATE TABLE IF NOT EXISTS library_library.author_by_id (")
        .contains("CREATE TABLE IF NOT EXISTS library_library.book_by_genre (")
        .contains("a job reads every row of book_by_id and writes it here")
        .doesNotContain("archforge:disable-next");
    assertThat(parse("V2", migration)).isEmpty();
    JsonNode report = new ObjectMapper().readTree(second.out()).get("migrations").get(0);
    assertThat(report.get("path").asText()).startsWith("db/library/migrations/V2__");
    assertThat(report.get("changes").findValuesAsText("code")).contains("CQL101", "CQL102").doesNotContain("CQL201");
    assertThat(Files.readString(tmp.resolve(DB).resolve("schema.cql"))).isEqualTo(schema);

    CliRunner.Run refused = generate(v3, "v3.yaml", out);

    assertThat(refused.code()).isEqualTo(4);
    assertThat(refused.err()).contains("CQL201 drop a table and its rows (book_by_isbn)")
        .contains("CQL202 drop a column and its values (book_by_id.isbn)")
        .contains("CQL203 recreate a table").contains("(loan_by_book)").contains("--allow-destructive")
        .contains("the CQL migration marks each with archforge:disable-next", "A Cassandra model does not follow")
        .doesNotContain("SQL migration", "EC104", "DynamoDB");
    assertThat(files()).hasSize(1);

    CliRunner.Run consented = generate(v3, "v3.yaml", out, "--allow-destructive");

    assertThat(consented.code()).as(consented.err()).isZero();
    assertThat(files()).hasSize(2);
    String third = migration("V3");
    assertThat(third).startsWith("-- V3__")
        .contains("-- archforge:disable-next=migration/destructive (consented: CQL201)\n"
            + "DROP TABLE IF EXISTS library_library.book_by_isbn;")
        .contains("-- archforge:disable-next=migration/destructive (consented: CQL202)\n"
            + "ALTER TABLE library_library.book_by_id DROP isbn;")
        .contains("-- archforge:disable-next=migration/destructive (consented: CQL203)\n"
            + "DROP TABLE IF EXISTS library_library.loan_by_book;")
        .contains("  due_on timestamp,\n")
        .contains("COPY library_library.loan_by_book TO 'loan_by_book.csv'")
        .contains("backfill it from loan_by_id");
    assertThat(parse("V3", third)).isEmpty();
    assertThat(migration("V2")).isEqualTo(migration);
    assertThat(Files.readString(tmp.resolve(DB).resolve("schema.cql"))).isEqualTo(schema);

    CliRunner.Run again = generate(v3, "v3.yaml", out);

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(files()).hasSize(2);
  }

  private CliRunner.Run generate(String yaml, String name, String out, String... more) throws IOException {
    Path input = tmp.resolve(name);
    Files.writeString(input, yaml);
    List<String> args = new java.util.ArrayList<>(List.of("generate", input.toString(), "-o", out));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  private List<String> files() throws IOException {
    Path folder = tmp.resolve(DB).resolve("migrations");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private String migration(String version) throws IOException {
    String name = files().stream().filter(f -> f.startsWith(version + "__")).findFirst().orElseThrow();
    return Files.readString(tmp.resolve(DB).resolve("migrations").resolve(name));
  }

  private static List<?> parse(String version, String cql) {
    return new CqlValidator().validate(new Artifact("db/library/migrations/" + version + "__x.cql", cql,
        MigrationsDeliverable.CQL));
  }
}
