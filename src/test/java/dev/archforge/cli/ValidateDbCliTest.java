package dev.archforge.cli;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.decide.RuleDecider;
import dev.archforge.deliverable.migrations.MigrationsDeliverable;
import dev.archforge.deliverable.migrations.ThrowawayPostgres;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Requirements;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.MariaDbServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archforge validate WORKSPACE --db}: the migrations applied with Flyway to the embedded
 * PostgreSQL, or to {@code --jdbc-url}; a refused statement reported as FILE:LINE with exit code 3.
 */
class ValidateDbCliTest {
  private static final String MIGRATION = "db/user/migrations/V1__initial_schema.sql";

  @TempDir
  Path tmp;

  /** The every-kind requirements' migrations for {@code database}, written as generate would. */
  private Path workspace(String database) throws IOException {
    Requirements r = new RequirementsLoader().load(Path.of("src/test/resources/migrations/every-kind.yaml"))
        .requirements().orElseThrow();
    Map<String, String> decisions = new LinkedHashMap<>(r.decisions());
    decisions.put("database", database);
    Requirements chosen = new Requirements(r.formatVersion(), r.project(), r.scale(), r.compliance(), r.security(),
        r.services(), r.entities(), r.events(), decisions, r.decisionLocations(), r.entityLocations(), r.blueprint());
    var plan = new RuleDecider().decide(chosen, new BlueprintLoader(Pipeline.deliverableIds()).load("standard",
        Path.of(".")).blueprint().orElseThrow());
    Path agent = tmp.resolve("workspaces/backend-architect");
    for (Artifact a : new MigrationsDeliverable().contribute(Facts.of(plan), new TemplateRenderer(List.of()))) {
      Path file = agent.resolve(a.path());
      Files.createDirectories(file.getParent());
      Files.writeString(file, a.content());
    }
    return tmp.resolve("workspaces");
  }

  /** Puts {@code statement} after the first CREATE TABLE and returns the line of {@code marker} in the file. */
  private static int breakMigration(Path workspace, String statement, String marker) throws IOException {
    Path file = workspace.resolve("backend-architect").resolve(MIGRATION);
    String sql = Files.readString(file);
    int at = sql.indexOf(";\n", sql.indexOf("CREATE TABLE")) + 2;
    String broken = sql.substring(0, at) + statement + "\n" + sql.substring(at);
    Files.writeString(file, broken);
    List<String> lines = broken.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i + 1;
      }
    }
    throw new AssertionError(marker + " not in the file");
  }

  @Test
  void appliesEveryServicesMigrationsToTheEmbeddedPostgres() throws IOException {
    Path ws = workspace("postgresql");

    CliRunner.Run run = CliRunner.run("validate", ws.toString(), "--db");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("applied   db/user/migrations: 1 migration(s) applied to schema user_",
        "applied   db/catalog-and-long-names/migrations: 1 migration(s) applied to schema catalog_and_long_names",
        "no problems");
  }

  @Test
  void descriptionsAndDefaultsWithFlywayPlaceholdersGenerateMigrationsFlywayApplies() {
    Path out = tmp.resolve("out");
    CliRunner.Run generated = CliRunner.run("generate", "src/test/resources/migrations/placeholders.yaml", "-o",
        out.toString());
    assertThat(generated.code()).as(generated.err()).isZero();

    CliRunner.Run run = CliRunner.run("validate", out.toString(), "--db");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("applied   db/notes/migrations: 1 migration(s) applied to schema notes", "no problems");
  }

  @Test
  void aStatementPostgresRefusesIsReportedAtTheLineItStarts() throws IOException {
    Path ws = workspace("postgresql");
    int line = breakMigration(ws, "CREATE TABLE broken (\n  id uuid NOT NULL,\n  ref uuid REFERENCES nowhere (id)\n);",
        "CREATE TABLE broken");

    CliRunner.Run run = CliRunner.run("validate", ws.toString(), "--db");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains(MIGRATION + ":" + line + ": ERROR: relation \"nowhere\" does not exist [flyway]")
        .doesNotContain("\tat ");
    assertThat(run.out()).contains("applied   db/catalog-and-long-names/migrations");
  }

  @Test
  void aSyntaxErrorIsReportedAtItsLine() throws IOException {
    Path ws = workspace("postgresql");
    int line = breakMigration(ws, "CREATE TABLE broken (\n  id uuid NOT NULL,\n  oops uuid uuid\n);", "oops uuid uuid");

    CliRunner.Run run = CliRunner.run("validate", ws.toString(), "--db");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains(MIGRATION + ":" + line + ": ERROR: syntax error at or near \"uuid\"");
  }

  @Test
  void appliesToTheDatabaseOfJdbcUrl() throws Exception {
    Path ws = workspace("postgresql");
    try (ThrowawayPostgres server = ThrowawayPostgres.start()) {
      CliRunner.Run run = CliRunner.run("validate", ws.toString(), "--jdbc-url", server.jdbcUrl(), "--db-user",
          ThrowawayPostgres.USER);

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("applied   db/user/migrations: 1 migration(s) applied to schema user_");
    }
  }

  @Test
  void mysqlMigrationsApplyToMariaDbWithThePasswordFromTheEnvironmentAndItsErrorsNameTheLine() throws Exception {
    Path ws = workspace("mysql");
    try (MariaDbServer server = MariaDbServer.start()) {
      try (var c = server.connect(""); var st = c.createStatement()) {
        String password = System.getenv("PATH").replace("\\", "\\\\").replace("'", "''");
        st.execute("CREATE USER 'archforge'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
        st.execute("GRANT ALL ON *.* TO 'archforge'@'127.0.0.1'");
      }
      CliRunner.Run ok = CliRunner.run("validate", ws.toString(), "--jdbc-url", server.jdbcUrl(""), "--db-user",
          "archforge", "--db-password-env", "PATH");
      assertThat(ok.code()).as(ok.err()).isZero();
      assertThat(ok.out()).contains("applied   db/user/migrations: 1 migration(s) applied to schema user_");

      try (var c = server.connect(""); var st = c.createStatement()) {
        st.execute("DROP DATABASE user_");
        st.execute("DROP DATABASE catalog_and_long_names");
      }
      int line = breakMigration(ws, "CREATE TABLE broken (\n  id char(36) NOT NULL,\n  oops int int\n);", "oops int int");
      CliRunner.Run bad = CliRunner.run("validate", ws.toString(), "--jdbc-url", server.jdbcUrl(""), "--db-user",
          MariaDbServer.USER);
      assertThat(bad.code()).isEqualTo(3);
      assertThat(bad.err()).contains(MIGRATION + ":" + line + ": (conn=").contains("You have an error in your SQL syntax");
    }
  }

  @Test
  void mysqlMigrationsNeedAJdbcUrl() throws IOException {
    CliRunner.Run run = CliRunner.run("validate", workspace("mysql").toString(), "--db");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("the migrations are written for MySQL", "pass --jdbc-url");
  }

  @Test
  void thePasswordComesFromTheNamedEnvironmentVariable() throws IOException {
    Path ws = workspace("postgresql");

    CliRunner.Run run = CliRunner.run("validate", ws.toString(), "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x",
        "--db-password-env", "ARCHFORGE_TEST_SURELY_UNSET_VARIABLE");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--db-password-env names ARCHFORGE_TEST_SURELY_UNSET_VARIABLE, which is not set");
  }

  @Test
  void connectionOptionsNeedAJdbcUrl() throws IOException {
    CliRunner.Run run = CliRunner.run("validate", workspace("postgresql").toString(), "--db", "--db-user", "me");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--db-user and --db-password-env need --jdbc-url");
  }

  @Test
  void aWorkspaceWithoutMigrationsSaysSo() throws IOException {
    Path ws = tmp.resolve("empty/backend-architect");
    Files.createDirectories(ws);

    CliRunner.Run run = CliRunner.run("validate", ws.toString(), "--db");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("no db/*/migrations to apply");
  }
}
