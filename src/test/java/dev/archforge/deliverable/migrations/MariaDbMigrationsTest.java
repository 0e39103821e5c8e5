package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.MySqlDialect;
import dev.archforge.facts.schema.Schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.deliverable.migrations.MigrationCheck;
import dev.archforge.model.Service;
import dev.archforge.testing.MariaDbServer;
import dev.archforge.model.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample and the every-kind file with {@code database: mysql}, migrated with Flyway on a real
 * MariaDB 10.11 (MySQL-compatible; from Maven, started by the test: {@link MariaDbServer}), then
 * read back from information_schema and compared with the model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbMigrationsTest {
  private MariaDbServer server;

  @BeforeAll
  void start() throws Exception {
    server = MariaDbServer.start();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Each test starts with no schema of its own: services of different samples share names. */
  @AfterEach
  void dropSchemas() throws SQLException {
    server.dropSchemas();
  }

  Stream<MigrationPlans.Named> plans() {
    List<MigrationPlans.Named> plans = new ArrayList<>(MigrationPlans.all("mysql"));
    plans.add(new MigrationPlans.Named("every-kind on mysql as a modular monolith, regulated data protection",
        MigrationPlans.decide(MigrationPlans.EVERY_KIND, Map.of("database", "mysql",
            "architecture-style", "modular-monolith", "data-protection", "regulated"))));
    return plans.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void migratesAndTheCatalogueMatchesTheModel(MigrationPlans.Named named, @TempDir Path agent) throws Exception {
    MigrationWorkspace.write(named.plan(), agent);

    MigrationCheck.Result result = new MigrationCheck(new MigrationCheck.Target(server.jdbcUrl(""),
        MariaDbServer.USER, "")).apply(agent);

    assertThat(result.findings()).isEmpty();
    try (Connection c = server.connect("")) {
      for (Service s : MigrationsDeliverable.owners(named.plan())) {
        Schema model = MigrationsDeliverable.schema(named.plan(), s, new MySqlDialect());
        assertThat(CatalogueDiff.of(model, Catalogue.mysql(c, model.name()), true)).as(s.name()).isEmpty();
      }
    }
  }

  @Test
  void textsWithFlywayPlaceholdersAreAppliedUnchanged(@TempDir Path agent) throws Exception {
    Plan plan = MigrationPlans.decide(MigrationPlans.PLACEHOLDERS, Map.of("database", "mysql"));
    MigrationWorkspace.write(plan, agent);
    assertThat(new MigrationCheck(new MigrationCheck.Target(server.jdbcUrl(""), MariaDbServer.USER, "")).apply(agent)
        .findings()).isEmpty();

    Service notes = plan.requirements().service("notes").orElseThrow();
    assertThat(Files.readString(agent.resolve(MigrationsDeliverable.path(notes)))).doesNotContain("${");
    Schema model = MigrationsDeliverable.schema(plan, notes, new MySqlDialect());
    try (Connection c = server.connect("notes"); Statement st = c.createStatement()) {
      assertThat(CatalogueDiff.of(model, Catalogue.mysql(c, "notes"), true)).isEmpty();
      st.execute("INSERT INTO note (body) VALUES ('b')");
      try (ResultSet rs = st.executeQuery("SELECT label, raw FROM note")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("Hello ${name}");
        assertThat(rs.getString(2)).isEqualTo("back\\slash ${a} $${b} ${");
      }
    }
  }

  @Test
  void softDeleteFreesUniqueValuesAndChecksRejectWhatTheModelForbids(@TempDir Path agent) throws Exception {
    MigrationWorkspace.write(MigrationPlans.decide(MigrationPlans.EVERY_KIND, Map.of("database", "mysql")), agent);
    assertThat(new MigrationCheck(new MigrationCheck.Target(server.jdbcUrl(""), MariaDbServer.USER, "")).apply(agent)
        .findings()).isEmpty();
    try (Connection c = server.connect("user_"); Statement st = c.createStatement()) {
      String tenant = "33333333-3333-3333-3333-333333333333";
      String user = "44444444-4444-4444-4444-444444444444";
      st.execute("INSERT INTO user_ (id, tenant_id, email, password, homepage) VALUES ('" + user + "', '" + tenant
          + "', 'a@example.com', 'hash', '" + "h".repeat(1500) + "')");
      assertThatThrownBy(() -> st.execute("INSERT INTO user_ (tenant_id, email, password) VALUES ('" + tenant
          + "', 'a@example.com', 'hash')")).isInstanceOf(SQLException.class).hasMessageContaining("uq_user_email");
      assertThatThrownBy(() -> st.execute("INSERT INTO user_ (tenant_id, email, password, homepage) VALUES ('" + tenant
          + "', 'b@example.com', 'hash', '" + "h".repeat(1500) + "')")).isInstanceOf(SQLException.class)
          .hasMessageContaining("uq_user_homepage_sha256");
      st.execute("UPDATE user_ SET deleted_at = CURRENT_TIMESTAMP(6)");
      st.execute("INSERT INTO user_ (tenant_id, email, password, homepage) VALUES ('" + tenant + "', 'a@example.com',"
          + " 'hash', '" + "h".repeat(1500) + "')");
      assertThatThrownBy(() -> st.execute("INSERT INTO order_ (tenant_id, total, status, user_id) VALUES ('" + tenant
          + "', 1, 'lost', '" + user + "')")).isInstanceOf(SQLException.class).hasMessageContaining("ck_order_status");
      assertThatThrownBy(() -> st.execute("INSERT INTO sample (tenant_id, code, amount, owner_id, label) VALUES ('"
          + tenant + "', 'AB', 1, '" + user + "', 'x')")).isInstanceOf(SQLException.class)
          .hasMessageContaining("ck_sample_code");
      st.execute("INSERT INTO order_ (tenant_id, total, status, user_id) VALUES ('" + tenant + "', 1, 'paid', '" + user
          + "')");
      assertThatThrownBy(() -> st.execute("DELETE FROM user_ WHERE id = '" + user + "'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("fk_order_user_id");
      try (ResultSet rs = st.executeQuery("SELECT label FROM sample WHERE 1 = 0")) {
        assertThat(rs.next()).isFalse();
      }
      st.execute("INSERT INTO sample (tenant_id, code, amount, owner_id) VALUES ('" + tenant + "', 'ABC-1234', 1, '"
          + user + "')");
      try (ResultSet rs = st.executeQuery("SELECT label, active, level, at FROM sample")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("O'Brien \\ said \"hi\"");
        assertThat(rs.getBoolean(2)).isTrue();
        assertThat(rs.getString(3)).isEqualTo("mid");
        assertThat(rs.getString(4)).startsWith("2025-01-31 10:00:00");
      }
    }
  }
}
