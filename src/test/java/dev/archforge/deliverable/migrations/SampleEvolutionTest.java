package dev.archforge.deliverable.migrations;

import static dev.archforge.deliverable.migrations.SchemaEvolutionTest.execute;
import static dev.archforge.deliverable.migrations.SchemaEvolutionTest.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.GenerateResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three versions of samples/evolution, one after the other, on embedded PostgreSQL as a team
 * would run them: V1, then V2 (renames and additions), then V3's type change, which stops until
 * consented and then converts the column in place with its data; the schema equals that of the last
 * version generated fresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleEvolutionTest {
  private EvolutionServer postgres;

  @BeforeAll
  void start() throws Exception {
    postgres = new EvolutionServer.Postgres();
  }

  @AfterAll
  void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void theSampleVersionsMigrateOneAfterTheOther(@TempDir Path tmp) throws Exception {
    Path steps = tmp.resolve("steps");
    postgres.reset();
    Generations.generate(steps, sample("library-v1.yaml"), false, List.of());
    assertThat(postgres.migrate(Generations.agent(steps))).isEmpty();
    execute(postgres, "INSERT INTO book (title) VALUES ('Dune')");
    execute(postgres, "INSERT INTO member (name, email) VALUES ('Ada Lovelace', 'ada@example.com')");
    execute(postgres, "INSERT INTO loan (book_id, member_id, due_on) SELECT b.id, m.id, DATE '2026-12-24' FROM book b,"
        + " member m");
    Generations.generate(steps, sample("library-v2.yaml"), false, List.of());
    assertThat(postgres.migrate(Generations.agent(steps))).isEmpty();

    String v3 = sample("library-v3.yaml");
    assertThatThrownBy(() -> Generations.generate(steps, v3, false, List.of()))
        .isInstanceOfSatisfying(ArchforgeException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NEEDS_PERSON))
        .hasMessageContaining("DS103").hasMessageContaining("loan.due_on").hasMessageContaining("--allow-destructive");
    GenerateResult consented = Generations.generate(steps, v3, true, List.of());
    assertThat(consented.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).containsExactly("DS103"));
    assertThat(Generations.migrations(steps)).hasSize(3);
    assertThat(postgres.migrate(Generations.agent(steps))).isEmpty();
    assertThat(value(postgres, "SELECT m.full_name || ' ' || to_char(l.due_on AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')"
        + " FROM loan l JOIN member m ON m.id = l.member_id")).isEqualTo("Ada Lovelace 2026-12-24 00:00");

    var stepped = postgres.orderFree("library");
    postgres.reset();
    Generations.generate(tmp.resolve("fresh"), v3, false, List.of());
    assertThat(postgres.migrate(Generations.agent(tmp.resolve("fresh")))).isEmpty();
    assertThat(stepped).isEqualTo(postgres.orderFree("library"));
  }

  private static String sample(String name) throws Exception {
    return Files.readString(Path.of("samples/evolution", name));
  }
}
