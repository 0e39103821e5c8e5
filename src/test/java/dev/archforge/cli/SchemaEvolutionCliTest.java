package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library samples of samples/evolution through the CLI: the second version adds a V2 with only
 * the difference, reported under "migrations" in --json; a change that drops data exits 4, names
 * its code and writes nothing until --allow-destructive.
 */
class SchemaEvolutionCliTest {
  private static final String MIGRATIONS = "workspaces/backend-architect/db/library/migrations";

  @TempDir
  Path tmp;

  @Test
  void theSecondVersionAddsAV2AndTheJsonListsItsChanges() throws IOException {
    String out = tmp.resolve("workspaces").toString();
    assertThat(CliRunner.run("generate", "samples/evolution/library-v1.yaml", "-o", out).code()).isZero();
    String v1 = Files.readString(tmp.resolve(MIGRATIONS).resolve("V1__initial_schema.sql"));

    CliRunner.Run second = CliRunner.run("generate", "samples/evolution/library-v2.yaml", "-o", out, "--json");

    assertThat(second.code()).as(second.err()).isZero();
    JsonNode migration = new ObjectMapper().readTree(second.out()).get("migrations").get(0);
    assertThat(migration.get("service").asText()).isEqualTo("library");
    assertThat(migration.get("path").asText()).startsWith("db/library/migrations/V2__rename_member_name_to_full_name");
    assertThat(migration.get("changes").findValuesAsText("code")).contains("BC101", "SC103", "SC102", "SC101");
    assertThat(migration.get("changes").findValuesAsText("statement"))
        .contains("ALTER TABLE member RENAME COLUMN name TO full_name;");
    assertThat(migration.get("changes").findValues("destructive")).allMatch(d -> !d.asBoolean());
    assertThat(files()).hasSize(2);
    assertThat(Files.readString(tmp.resolve(MIGRATIONS).resolve("V1__initial_schema.sql"))).isEqualTo(v1);
  }

  @Test
  void droppingDataExitsFourUntilConsented() throws IOException {
    String out = tmp.resolve("workspaces").toString();
    assertThat(CliRunner.run("generate", "samples/evolution/library-v1.yaml", "-o", out).code()).isZero();
    Path dropped = tmp.resolve("library-v1-without-isbn.yaml");
    Files.writeString(dropped, Files.readString(Path.of("samples/evolution/library-v1.yaml"))
        .replace("      isbn:  { type: string, maxLength: 13, unique: true }\n", ""));

    CliRunner.Run refused = CliRunner.run("generate", dropped.toString(), "-o", out);
    CliRunner.Run json = CliRunner.run("generate", dropped.toString(), "-o", out, "--json");

    assertThat(refused.code()).isEqualTo(4);
    assertThat(refused.err()).contains("DS102 drop a column (book.isbn): ALTER TABLE book DROP COLUMN isbn;")
        .contains("--allow-destructive").contains("the SQL migration lists these changes", "renamedFrom: <old name>")
        .doesNotContain("Cassandra", "DynamoDB");
    assertThat(new ObjectMapper().readTree(json.out()).get("errors").toString()).contains("DS102");
    assertThat(files()).containsExactly("V1__initial_schema.sql");

    CliRunner.Run consented = CliRunner.run("generate", dropped.toString(), "-o", out, "--allow-destructive");

    assertThat(consented.code()).as(consented.err()).isZero();
    assertThat(consented.out()).contains("1 destructive (consented)");
    assertThat(files()).containsExactly("V1__initial_schema.sql", "V2__drop_book_isbn.sql");
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(tmp.resolve(MIGRATIONS))) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
