package dev.archforge.deliverable.migrations;

import static dev.archforge.deliverable.migrations.SchemaEvolutionTest.assertThatFreshEquals;
import static dev.archforge.deliverable.migrations.SchemaEvolutionTest.execute;
import static dev.archforge.deliverable.migrations.SchemaEvolutionTest.firstRun;
import static dev.archforge.deliverable.migrations.SchemaEvolutionTest.library;
import static dev.archforge.deliverable.migrations.SchemaEvolutionTest.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.deliverable.migrations.EvolvingModel.Ent;
import dev.archforge.deliverable.migrations.EvolvingModel.Fld;
import dev.archforge.deliverable.migrations.EvolvingModel.Rel;
import dev.archforge.pipeline.GenerateResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renamed tables and relations on real servers (embedded PostgreSQL and MariaDB 10.11): the data
 * stays, and at availability of 99.9 % or more the version still running keeps reading and writing
 * under the old names until a run without {@code renamedFrom} contracts them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenameEvolutionTest {
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

  /**
   * A renamed table keeps an updatable view under its old name while the old version runs: it reads
   * and writes through the view; the contract, once renamedFrom is gone, drops the view.
   */
  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void atHighAvailabilityATableRenameKeepsAViewUntilTheContract(EvolutionServer server, @TempDir Path tmp)
      throws Exception {
    Path steps = tmp.resolve("steps");
    EvolvingModel first = library(99.95, server.database());
    firstRun(server, steps, first);
    Ent member = first.entities().get(1);
    Ent loan = first.entities().get(2);
    List<Ent> entities = EvolvingModel.replace(first.entities(), member, new Ent("Patron", "Member", member.fields(),
        List.of()));
    EvolvingModel expand = first.with(EvolvingModel.replace(entities, loan, new Ent("Loan", null, loan.fields(),
        List.of(loan.relations().get(0), new Rel("member", "Patron", "many-to-one", true)))));

    GenerateResult expanded = Generations.generate(steps, expand, false);
    assertThat(expanded.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("EC105").doesNotContain("BC102"));
    assertThat(Generations.read(steps, Generations.migrations(steps).get(1))).contains("CREATE VIEW member AS");
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    execute(server, "INSERT INTO member (name, email) VALUES ('Old Version', 'old@example.com')");
    execute(server, "UPDATE member SET nickname = 'Ada' WHERE email = 'ada@example.com'");
    assertThat(value(server, "SELECT name FROM patron WHERE email = 'old@example.com'")).isEqualTo("Old Version");
    assertThat(value(server, "SELECT name FROM member WHERE nickname = 'Ada'")).isEqualTo("Ada Lovelace");
    assertThat(Generations.generate(steps, expand, false).migrations()).isEmpty();
    Ent patron = expand.entities().get(1);
    List<Fld> fields = new ArrayList<>(patron.fields());
    fields.set(2, new Fld("nickname", "type: string, maxLength: 80"));
    EvolvingModel widened = expand.with(EvolvingModel.replace(expand.entities(), patron, new Ent("Patron", "Member",
        fields, List.of())));
    GenerateResult meanwhile = Generations.generate(steps, widened, false);
    assertThat(meanwhile.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).containsExactly("SC111", "SC103", "SC111"));
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    execute(server, "INSERT INTO member (name, email, nickname) VALUES ('Later', 'later@example.com', '"
        + "x".repeat(70) + "')");

    GenerateResult contracted = Generations.generate(steps, widened.settled(), false);
    assertThat(contracted.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).containsExactly("EC106"));
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThatThrownBy(() -> value(server, "SELECT name FROM member")).isInstanceOf(SQLException.class);
    assertThat(value(server, "SELECT COUNT(*) FROM patron")).isEqualTo("3");
    assertThatFreshEquals(server, tmp.resolve("fresh"), widened.settled());
  }


  /** Loan's member becomes its borrower: the foreign-key column, its key and index are renamed, the rows stay. */
  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void aRenamedRelationRenamesItsForeignKeyColumn(EvolutionServer server, @TempDir Path tmp) throws Exception {
    Path steps = tmp.resolve("steps");
    EvolvingModel first = library(99.5, server.database());
    firstRun(server, steps, first);
    lend(server);
    EvolvingModel renamed = borrower(first);

    GenerateResult result = Generations.generate(steps, renamed, false);
    assertThat(result.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("BC101", "SC112").doesNotContain("DS102", "MF103", "SC102"));
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThat(value(server, "SELECT m.name FROM loan l JOIN member m ON m.id = l.borrower_id")).isEqualTo("Ada Lovelace");
    assertThat(Generations.generate(steps, renamed.settled(), false).migrations()).isEmpty();
    assertThatFreshEquals(server, tmp.resolve("fresh"), renamed.settled());
  }

  /** At high availability the old foreign-key column keeps serving the running version until the contract. */
  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void atHighAvailabilityARenamedRelationIsExpandedThenContracted(EvolutionServer server, @TempDir Path tmp)
      throws Exception {
    Path steps = tmp.resolve("steps");
    EvolvingModel first = library(99.95, server.database());
    firstRun(server, steps, first);
    lend(server);
    EvolvingModel renamed = borrower(first);

    GenerateResult expanded = Generations.generate(steps, renamed, false);
    assertThat(expanded.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("EC101").doesNotContain("BC101", "DS102", "MF103"));
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThat(value(server, "SELECT borrower_id FROM loan")).isEqualTo(value(server, "SELECT member_id FROM loan"));
    execute(server, "INSERT INTO loan (book_id, member_id, due_on) SELECT book_id, member_id, due_on FROM loan");

    GenerateResult contracted = Generations.generate(steps, renamed.settled(), false);
    assertThat(contracted.migrations()).singleElement().satisfies(m -> assertThat(m.changes())
        .extracting(c -> c.code()).contains("EC102"));
    assertThat(server.migrate(Generations.agent(steps))).isEmpty();
    assertThat(value(server, "SELECT COUNT(*) FROM loan l JOIN member m ON m.id = l.borrower_id")).isEqualTo("2");
    assertThatFreshEquals(server, tmp.resolve("fresh"), renamed.settled());
  }

  /** One book lent to the member of the first run. */
  private static void lend(EvolutionServer server) throws Exception {
    execute(server, "INSERT INTO book (title) VALUES ('Dune')");
    execute(server, "INSERT INTO loan (book_id, member_id, due_on) SELECT b.id, m.id, DATE '2026-12-24' FROM book b, "
        + "member m");
  }

  /** Loan's relation {@code member} renamed to {@code borrower}. */
  private static EvolvingModel borrower(EvolvingModel first) {
    Ent loan = first.entities().get(2);
    return first.with(EvolvingModel.replace(first.entities(), loan, new Ent("Loan", null, loan.fields(),
        List.of(loan.relations().get(0), new Rel("borrower", "Member", "many-to-one", true, "member")))));
  }
}
