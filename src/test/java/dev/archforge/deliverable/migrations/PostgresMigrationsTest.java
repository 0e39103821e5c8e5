package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.PostgresDialect;
import dev.archforge.facts.schema.Schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.deliverable.migrations.MigrationCheck;
import dev.archforge.deliverable.migrations.ThrowawayPostgres;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample and the every-kind file, migrated with Flyway on a real PostgreSQL (the embedded
 * one {@code validate --db} uses), then read back from pg_catalog and compared with the model:
 * every table, column, type, nullability, default, comment, key, check, index and policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMigrationsTest {
  private final AtomicInteger databases = new AtomicInteger();
  private ThrowawayPostgres server;

  @BeforeAll
  void start() throws Exception {
    server = ThrowawayPostgres.start();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  Stream<MigrationPlans.Named> plans() {
    List<MigrationPlans.Named> plans = new ArrayList<>(MigrationPlans.all("postgresql"));
    plans.addAll(MigrationPlans.all("distributed-sql"));
    plans.add(new MigrationPlans.Named("every-kind as a modular monolith, baseline data protection",
        MigrationPlans.decide(MigrationPlans.EVERY_KIND, Map.of("database", "postgresql",
            "architecture-style", "modular-monolith", "data-protection", "baseline"))));
    return plans.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void migratesAndTheCatalogueMatchesTheModel(MigrationPlans.Named named, @TempDir Path agent) throws Exception {
    String url = freshDatabase();
    MigrationWorkspace.write(named.plan(), agent);

    MigrationCheck.Result result = new MigrationCheck(new MigrationCheck.Target(url, ThrowawayPostgres.USER, null))
        .apply(agent);

    assertThat(result.findings()).isEmpty();
    try (Connection c = DriverManager.getConnection(url, ThrowawayPostgres.USER, null)) {
      for (Service s : MigrationsDeliverable.owners(named.plan())) {
        Schema model = MigrationsDeliverable.schema(named.plan(), s, MigrationsDeliverable.dialect(named.plan())
            .orElseThrow());
        assertThat(CatalogueDiff.of(model, Catalogue.postgres(c, model.name()), false)).as(s.name()).isEmpty();
      }
    }
  }

  @Test
  void rowLevelSecurityShowsEachTenantOnlyItsOwnRows(@TempDir Path agent) throws Exception {
    String url = migrate(MigrationPlans.decide(Path.of("samples/saas-projects.yaml"), Map.of()), agent);
    try (Connection c = DriverManager.getConnection(url, ThrowawayPostgres.USER, null); Statement st = c.createStatement()) {
      st.execute("CREATE ROLE app NOLOGIN");
      st.execute("GRANT USAGE ON SCHEMA projects TO app");
      st.execute("GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA projects TO app");
      st.execute("SET search_path = projects");
      String a = "11111111-1111-1111-1111-111111111111";
      String b = "22222222-2222-2222-2222-222222222222";
      st.execute("SET ROLE app");
      st.execute("SET app.tenant_id = '" + a + "'");
      st.execute("INSERT INTO project (organization_id, key_, name) VALUES ('" + a + "', 'AA', 'Alpha')");
      assertThatThrownBy(() -> st.execute("INSERT INTO project (organization_id, key_, name) VALUES ('" + b
          + "', 'BB', 'Beta')")).isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
      st.execute("SET app.tenant_id = '" + b + "'");
      st.execute("INSERT INTO project (organization_id, key_, name) VALUES ('" + b + "', 'BB', 'Beta')");
      assertThat(count(st, "SELECT count(*) FROM project")).isEqualTo(1);
      st.execute("RESET app.tenant_id");
      assertThat(count(st, "SELECT count(*) FROM project")).isZero();
      st.execute("RESET ROLE");
      assertThat(count(st, "SELECT count(*) FROM project")).isEqualTo(2);
    }
  }

  /** Distributed SQL numbers no row from a sequence: a {@code long} id is the service's to assign. */
  @Test
  void aLongIdUnderDistributedSqlIsAssignedByTheServiceNeverByASequence(@TempDir Path agent) throws Exception {
    String url = migrate(MigrationPlans.decide(MigrationPlans.EVERY_KIND, Map.of("database", "distributed-sql")), agent);
    try (Connection c = DriverManager.getConnection(url, ThrowawayPostgres.USER, null); Statement st = c.createStatement()) {
      st.execute("SET search_path = user_");
      assertThatThrownBy(() -> st.execute("INSERT INTO order_ (total, status, user_id) VALUES (1, 'paid', "
          + "'44444444-4444-4444-4444-444444444444')")).isInstanceOf(SQLException.class)
          .hasMessageContaining("\"id\"");
    }
  }

  @Test
  void softDeleteFreesUniqueValuesAndChecksRejectWhatTheModelForbids(@TempDir Path agent) throws Exception {
    String url = migrate(MigrationPlans.decide(MigrationPlans.EVERY_KIND, Map.of("database", "postgresql")), agent);
    try (Connection c = DriverManager.getConnection(url, ThrowawayPostgres.USER, null); Statement st = c.createStatement()) {
      st.execute("SET search_path = user_");
      String tenant = "33333333-3333-3333-3333-333333333333";
      st.execute("INSERT INTO user_ (id, tenant_id, email, password) VALUES ('44444444-4444-4444-4444-444444444444', '"
          + tenant + "', 'a@example.com', 'hash')");
      assertThatThrownBy(() -> st.execute("INSERT INTO user_ (tenant_id, email, password) VALUES ('" + tenant
          + "', 'a@example.com', 'hash')")).isInstanceOf(SQLException.class).hasMessageContaining("uq_user_email");
      st.execute("UPDATE user_ SET deleted_at = now()");
      st.execute("INSERT INTO user_ (tenant_id, email, password) VALUES ('" + tenant + "', 'a@example.com', 'hash')");
      assertThatThrownBy(() -> st.execute("INSERT INTO order_ (tenant_id, total, status, user_id) VALUES ('" + tenant
          + "', 1, 'lost', '44444444-4444-4444-4444-444444444444')")).isInstanceOf(SQLException.class)
          .hasMessageContaining("ck_order_status");
      assertThatThrownBy(() -> st.execute("INSERT INTO order_ (tenant_id, total, status, user_id) VALUES ('" + tenant
          + "', -1, 'paid', '44444444-4444-4444-4444-444444444444')")).isInstanceOf(SQLException.class)
          .hasMessageContaining("ck_order_total");
      st.execute("INSERT INTO order_ (tenant_id, total, status, user_id) VALUES ('" + tenant
          + "', 1, 'cancelled-by.user', '44444444-4444-4444-4444-444444444444')");
      assertThatThrownBy(() -> st.execute("DELETE FROM user_ WHERE id = '44444444-4444-4444-4444-444444444444'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("fk_order_user_id");
    }
  }

  @Test
  void textsWithFlywayPlaceholdersAreAppliedUnchanged(@TempDir Path agent) throws Exception {
    Plan plan = MigrationPlans.decide(MigrationPlans.PLACEHOLDERS, Map.of("database", "postgresql"));
    String url = migrate(plan, agent);

    Service notes = plan.requirements().service("notes").orElseThrow();
    assertThat(Files.readString(agent.resolve(MigrationsDeliverable.path(notes)))).doesNotContain("${");
    Schema model = MigrationsDeliverable.schema(plan, notes, new PostgresDialect());
    try (Connection c = DriverManager.getConnection(url, ThrowawayPostgres.USER, null); Statement st = c.createStatement()) {
      assertThat(CatalogueDiff.of(model, Catalogue.postgres(c, "notes"), false)).isEmpty();
      st.execute("SET search_path = notes");
      st.execute("INSERT INTO note (body) VALUES ('b')");
      try (ResultSet rs = st.executeQuery("SELECT label, raw, obj_description('note'::regclass) FROM note")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("Hello ${name}");
        assertThat(rs.getString(2)).isEqualTo("back\\slash ${a} $${b} ${");
        assertThat(rs.getString(3)).startsWith("A note about ${x}, it's \\${y} too.");
      }
    }
  }

  @Test
  void theComparisonNoticesEveryDifference(@TempDir Path agent) throws Exception {
    Plan plan = MigrationPlans.decide(Path.of("samples/ecommerce.yaml"), Map.of());
    String url = migrate(plan, agent);
    Schema model = MigrationsDeliverable.schema(plan, plan.requirements().service("catalog").orElseThrow(),
        new PostgresDialect());
    try (Connection c = DriverManager.getConnection(url, ThrowawayPostgres.USER, null); Statement st = c.createStatement()) {
      st.execute("SET search_path = catalog");
      st.execute("DROP INDEX ix_product_status");
      st.execute("ALTER TABLE product ALTER COLUMN name TYPE varchar(100)");
      st.execute("ALTER TABLE product ALTER COLUMN sku DROP NOT NULL");
      st.execute("ALTER TABLE product DROP CONSTRAINT fk_product_category_id");
      st.execute("ALTER TABLE product ADD CONSTRAINT fk_product_category_id FOREIGN KEY (category_id)"
          + " REFERENCES category (id) ON DELETE CASCADE");
      st.execute("COMMENT ON TABLE category IS 'changed'");
      st.execute("CREATE TABLE extra (id int)");

      assertThat(CatalogueDiff.of(model, Catalogue.postgres(c, "catalog"), false))
          .extracting(d -> d.substring(0, d.indexOf(':'))).containsExactlyInAnyOrder("tables of catalog",
              "category comment", "product.name type", "product.sku nullable", "product indexes and keys",
              "product foreign key fk_product_category_id");
    }
  }

  private String migrate(Plan plan, Path agent) throws SQLException {
    String url = freshDatabase();
    MigrationWorkspace.write(plan, agent);
    assertThat(new MigrationCheck(new MigrationCheck.Target(url, ThrowawayPostgres.USER, null)).apply(agent).findings())
        .isEmpty();
    return url;
  }

  private String freshDatabase() throws SQLException {
    String name = "plan_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), ThrowawayPostgres.USER, null);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return server.jdbcUrl().replace("/postgres", "/" + name);
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
