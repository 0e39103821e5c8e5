package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.deliverable.migrations.EvolvingModel.Ent;
import dev.archforge.deliverable.migrations.EvolvingModel.Fld;
import dev.archforge.deliverable.migrations.EvolvingModel.Rel;
import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.GenerateResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requirements that change after the first migration ran, on real servers (embedded PostgreSQL and
 * MariaDB 10.11): generate, apply with Flyway, change the requirements (add, rename, retype, drop),
 * generate again, apply the new migration to the same database; its catalogue then equals that of a
 * fresh generation of the new requirements applied to an empty database, V1 is byte for byte the
 * first one, and the data of renamed and retyped columns is still there. At availability of 99.9 % or
 * more, renames and type changes go through expand/contract, and the old version's writes keep working
 * against the expanded schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaEvolutionTest {
  private EvolutionServer postgres;
  private EvolutionServer mariaDb;

  @BeforeAll
  void start() throws Exception {
    postgres = new EvolutionServer.Postgres();
    mariaDb = new EvolutionServer.MariaDb();
  }

  @AfterAll
  void stop() {
    Stream.of(postgres, mariaDb).filter(s -> s != null).forEach(EvolutionServer::close);
  }

  Stream<EvolutionServer> servers() {
    return Stream.of(postgres, mariaDb);
  }

  static EvolvingModel library(double availability, String database) {
    return new EvolvingModel(availability, database, List.of(
        new Ent("Book", List.of(new Fld("title", "type: string, maxLength: 200, required: true"),
            new Fld("isbn", "type: string, maxLength: 20, unique: true"), new Fld("pages", "type: integer, min: 1"))),
        new Ent("Member", List.of(new Fld("name", "type: string, maxLength: 100, required: true"),
            new Fld("email", "type: email, required: true, unique: true"), new Fld("nickname", "type: string, maxLength: 50"))),
        new Ent("Loan", null, List.of(new Fld("dueOn", "type: date, required: true")), List.of(
            new Rel("book", "Book", "many-to-one", true), new Rel("member", "Member", "many-to-one", true))),
        new Ent("Fine", null, List.of(new Fld("amount", "type: decimal, precision: 10, scale: 2, required: true")),
            List.of(new Rel("loan", "Loan", "many-to-one", true)))));
  }

  /** Renamed entity and field, widened and narrowed types, an added entity with a join table, drops. */
  static EvolvingModel changed(EvolvingModel m) {
    return m.with(List.of(
        new Ent("Book", null, List.of(new Fld("title", "type: string, maxLength: 200, required: true"),
            new Fld("isbn", "type: string, maxLength: 13, unique: true"), new Fld("pages", "type: long, min: 1"),
            new Fld("genre", "type: enum, values: [fiction, nonfiction], required: true, default: fiction")),
            List.of(new Rel("authors", "Author", "many-to-many", false))),
        new Ent("Patron", "Member", List.of(new Fld("fullName", "type: string, maxLength: 150, required: true",
            "name"), new Fld("email", "type: email, required: true, unique: true"),
            new Fld("phone", "type: string, maxLength: 30")), List.of()),
        new Ent("Loan", null, List.of(new Fld("dueOn", "type: date")), List.of(
            new Rel("book", "Book", "many-to-one", true), new Rel("member", "Patron", "many-to-one", true))),
        new Ent("Author", List.of(new Fld("name", "type: string, maxLength: 120, required: true")))));
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void migratingStepByStepEqualsMigratingTheNewModelFresh(EvolutionServer server, @TempDir Path tmp) throws Exception {
    Path steps = tmp.resolve("steps");
    EvolvingModel first = library(99.5, server.database());
    firstRun(server, steps, first);
    String v1 = Generations.read(steps, "V1__initial_schema.sql");

    EvolvingModel next = changed(first);
    assertThatThrownBy(() -> Generations.generate(steps, next, false))
        .isInstanceOfSatisfying(ArchforgeException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NEEDS_PERSON))
        .hasMessageContaining("DS101").hasMessageContaining("DS102").hasMessageContaining("DS103")
        .hasMessageContaining("--allow-destructive");
    assertThat(Generations.migrations(steps)).containsExactly("V1__initial_schema.sql");

    GenerateResult result = Generations.generate(steps, next, true);
    assertThat(result.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("BC102", "BC101", "SC103", "DS103", "DS102", "DS101", "SC101", "SC104"));
    List<String> files = Generations.migrations(steps);
    assertThat(files).hasSize(2).first().isEqualTo("V1__initial_schema.sql");
    assertThat(Generations.read(steps, "V1__initial_schema.sql")).isEqualTo(v1);
    assertThat(Generations.read(steps, files.get(1))).contains("-- Destructive or data-dependent changes");
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThat(value(server, "SELECT full_name FROM patron")).isEqualTo("Ada Lovelace");
    assertThat(Generations.generate(steps, next.settled(), false).migrations()).isEmpty();
    assertThat(Generations.migrations(steps)).isEqualTo(files);
    assertThatFreshEquals(server, tmp.resolve("fresh"), next.settled());
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void atHighAvailabilityARenameIsExpandedThenContracted(EvolutionServer server, @TempDir Path tmp) throws Exception {
    Path steps = tmp.resolve("steps");
    EvolvingModel first = library(99.95, server.database());
    firstRun(server, steps, first);
    Ent member = first.entities().get(1);
    Ent renamed = new Ent("Member", null, List.of(new Fld("fullName", "type: string, maxLength: 100, required: true",
        "name"), member.fields().get(1), member.fields().get(2)), List.of());
    EvolvingModel expand = first.with(EvolvingModel.replace(first.entities(), member, renamed));

    GenerateResult expanded = Generations.generate(steps, expand, false);
    assertThat(expanded.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("EC101").doesNotContain("BC101", "DS102"));
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    execute(server, "INSERT INTO member (name, email) VALUES ('Old Version', 'old@example.com')");
    assertThat(value(server, "SELECT full_name FROM member WHERE email = 'ada@example.com'")).isEqualTo("Ada Lovelace");
    assertThat(Generations.generate(steps, expand, false).migrations()).isEmpty();

    GenerateResult contracted = Generations.generate(steps, expand.settled(), false);
    assertThat(contracted.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("EC102"));
    assertThat(Generations.migrations(steps)).hasSize(3);
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThat(value(server, "SELECT full_name FROM member WHERE email = 'old@example.com'")).isEqualTo("Old Version");
    assertThatFreshEquals(server, tmp.resolve("fresh"), expand.settled());
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void whenFlywayRefusesAnEditedMigrationTheFindingNamesTheFileAndWhatToDo(EvolutionServer server, @TempDir Path tmp)
      throws Exception {
    Path steps = tmp.resolve("steps");
    firstRun(server, steps, library(99.5, server.database()));
    Path v1 = Generations.agent(steps).resolve("db/library/migrations/V1__initial_schema.sql");
    Files.writeString(v1, Files.readString(v1) + "-- edited by hand\n");

    assertThat(server.migrate(Generations.agent(steps))).singleElement().asString()
        .startsWith("db/library/migrations/V1__initial_schema.sql:1: V1__initial_schema.sql changed since it was applied")
        .contains(".archforge/pristine/db/library/migrations/V1__initial_schema.sql").contains("next V<n>__ migration");
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void atHighAvailabilityATypeChangeIsExpandedThenContractedWithConsent(EvolutionServer server, @TempDir Path tmp)
      throws Exception {
    Path steps = tmp.resolve("steps");
    EvolvingModel first = library(99.95, server.database());
    firstRun(server, steps, first);
    execute(server, "INSERT INTO book (title, isbn, pages) VALUES ('Dune', '9780441013593', 412)");
    String v1 = Generations.read(steps, "V1__initial_schema.sql");
    EvolvingModel retyped = retypedBook(first, new Fld("isbn", "type: long, unique: true"));

    GenerateResult expanded = Generations.generate(steps, retyped, false);
    assertThat(expanded.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).containsOnly("EC103"));
    List<String> files = Generations.migrations(steps);
    assertThat(files).hasSize(2);
    String expand = Generations.read(steps, files.get(1));
    assertThat(expand).contains("pages__next", "isbn__next", "dual writes");
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThat(value(server, "SELECT pages__next FROM book WHERE title = 'Dune'")).isEqualTo("412");
    assertThat(value(server, "SELECT isbn__next FROM book WHERE title = 'Dune'")).isEqualTo("9780441013593");
    execute(server, "INSERT INTO book (title, isbn, pages) VALUES ('Emma', '9780141439587', 474)");

    assertThatThrownBy(() -> Generations.generate(steps, retyped, false))
        .isInstanceOfSatisfying(ArchforgeException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NEEDS_PERSON))
        .hasMessageContaining("EC104").hasMessageContaining("book.pages").hasMessageContaining("--allow-destructive");
    assertThat(Generations.migrations(steps)).isEqualTo(files);

    GenerateResult contracted = Generations.generate(steps, retyped, true);
    assertThat(contracted.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("EC104"));
    assertThat(Generations.migrations(steps)).hasSize(3);
    assertThat(Generations.read(steps, "V1__initial_schema.sql")).isEqualTo(v1);
    assertThat(Generations.read(steps, files.get(1))).isEqualTo(expand);
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThat(value(server, "SELECT pages FROM book WHERE title = 'Emma'")).isEqualTo("474");
    assertThat(value(server, "SELECT isbn FROM book WHERE title = 'Dune'")).isEqualTo("9780441013593");
    assertThat(Generations.generate(steps, retyped, false).migrations()).isEmpty();
    assertThatFreshEquals(server, tmp.resolve("fresh"), retyped);
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void belowHighAvailabilityATypeChangeStaysInPlace(EvolutionServer server, @TempDir Path tmp) throws Exception {
    Path steps = tmp.resolve("steps");
    EvolvingModel first = library(99.5, server.database());
    firstRun(server, steps, first);
    EvolvingModel retyped = retypedBook(first, first.entities().get(0).fields().get(1));

    GenerateResult result = Generations.generate(steps, retyped, true);
    assertThat(result.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("DS103").doesNotContain("EC103"));
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThatFreshEquals(server, tmp.resolve("fresh"), retyped);
  }

  /**
   * A field that becomes secret holds ciphertext from then on, which SQL cannot compute: the column
   * is added empty (MF105, with consent), the application fills it and its blind index, and the
   * contract refuses to drop the clear column while a row is left unfilled.
   */
  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void aFieldThatBecomesSecretIsNeverFilledByACast(EvolutionServer server, @TempDir Path tmp) throws Exception {
    Path steps = tmp.resolve("steps");
    EvolvingModel first = library(99.5, server.database());
    firstRun(server, steps, first);
    Ent member = first.entities().get(1);
    EvolvingModel secret = first.with(EvolvingModel.replace(first.entities(), member, new Ent("Member", List.of(
        member.fields().get(0), new Fld("email", "type: email, required: true, unique: true, secret: true"),
        member.fields().get(2)))));

    assertThatThrownBy(() -> Generations.generate(steps, secret, false))
        .isInstanceOfSatisfying(ArchforgeException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NEEDS_PERSON))
        .hasMessageContaining("MF105").hasMessageContaining("member.email");
    GenerateResult expanded = Generations.generate(steps, secret, true);
    assertThat(expanded.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("MF105").doesNotContain("EC103", "DS103"));
    List<String> files = Generations.migrations(steps);
    assertThat(Generations.read(steps, files.get(1))).contains("email__next").doesNotContain("CAST(", "USING");
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThat(value(server, "SELECT COUNT(*) FROM member WHERE email__next IS NULL AND email_bidx IS NULL"))
        .isEqualTo("1");

    GenerateResult contract = Generations.generate(steps, secret, true);
    assertThat(contract.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("EC104"));
    if (server instanceof EvolutionServer.Postgres) {
      assertThat(server.migrate(Generations.agent(steps))).isNotEmpty();
    }
    boolean postgres = server instanceof EvolutionServer.Postgres;
    execute(server, "UPDATE member SET email__next = " + (postgres ? "convert_to('sealed', 'UTF8')"
        : "CAST('sealed' AS BINARY)") + ", email_bidx = " + (postgres ? "md5(email)" : "MD5(email)"));
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThat(Generations.generate(steps, secret, false).migrations()).isEmpty();
    assertThatFreshEquals(server, tmp.resolve("fresh"), secret);
  }

  /** Book's pages as a string of up to 10 characters, and its isbn as {@code isbn}. */
  private static EvolvingModel retypedBook(EvolvingModel first, Fld isbn) {
    Ent book = first.entities().get(0);
    return first.with(EvolvingModel.replace(first.entities(), book, new Ent("Book", List.of(book.fields().get(0), isbn,
        new Fld("pages", "type: string, maxLength: 10")))));
  }

  static void execute(EvolutionServer server, String sql) throws Exception {
    try (Connection c = connect(server); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** On an empty server: the first generation, applied, with one member. */
  static void firstRun(EvolutionServer server, Path steps, EvolvingModel first) throws Exception {
    server.reset();
    Generations.generate(steps, first, false);
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    execute(server, "INSERT INTO member (name, email) VALUES ('Ada Lovelace', 'ada@example.com')");
  }

  /** The server's catalogue now equals that of a fresh generation of {@code model} applied to an empty server. */
  static void assertThatFreshEquals(EvolutionServer server, Path fresh, EvolvingModel model) throws Exception {
    var stepped = server.orderFree("library");
    server.reset();
    Generations.generate(fresh, model, false);
    assertThat(server.migrate(Generations.agent(fresh))).isEmpty();
    assertThat(stepped).isEqualTo(server.orderFree("library"));
  }

  /** The first column of the first row. */
  static String value(EvolutionServer server, String sql) throws Exception {
    try (Connection c = connect(server); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }

  private static Connection connect(EvolutionServer server) throws Exception {
    MigrationCheck.Target t = server.target();
    String url = server instanceof EvolutionServer.MariaDb ? t.jdbcUrl() + "library" : t.jdbcUrl()
        + "?currentSchema=library";
    return DriverManager.getConnection(url, t.user(), t.password());
  }
}
