package dev.archforge.deliverable.migrations;

import dev.archforge.facts.Facts;
import dev.archforge.facts.schema.Dialect;
import dev.archforge.facts.schema.Schema;
import dev.archforge.facts.schema.SqlNames;
import dev.archforge.facts.schema.Table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.deliverable.migrations.SqlValidator;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.Role;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.render.RenderException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The migrations deliverable alone, with the real renderer: what it writes and what it decides. */
class MigrationsDeliverableTest {
  private static final Plan EVERY_KIND_PG = MigrationPlans.decide(MigrationPlans.EVERY_KIND, Map.of("database", "postgresql"));
  private static final Plan EVERY_KIND_MYSQL = MigrationPlans.decide(MigrationPlans.EVERY_KIND, Map.of("database", "mysql"));

  static Stream<MigrationPlans.Named> plans() {
    return Stream.concat(MigrationPlans.all("postgresql").stream(), MigrationPlans.all("mysql").stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void writesOneFlywayMigrationPerServiceThatOwnsEntitiesAndTheStaticCheckAcceptsIt(MigrationPlans.Named named) {
    List<Artifact> artifacts = MigrationWorkspace.render(named.plan());

    List<String> expected = MigrationsDeliverable.owners(named.plan()).stream().map(MigrationsDeliverable::path).toList();
    assertThat(artifacts).extracting(Artifact::path).containsAll(expected).contains("db/README.md").hasSize(expected.size() + 1);
    assertThat(expected).allMatch(p -> p.matches("db/[a-z][a-z0-9-]*/migrations/V1__initial_schema\\.sql"));
    for (Artifact a : artifacts) {
      if (a.path().endsWith(".sql")) {
        assertThat(new SqlValidator().validate(a)).as(a.path()).isEmpty();
      }
    }
    assertThat(MigrationWorkspace.render(named.plan())).isEqualTo(artifacts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyForeignKeyHasAnIndexThatCoversEveryRowAndSaysWhatHappensOnDelete(MigrationPlans.Named named) {
    Dialect dialect = MigrationsDeliverable.dialect(named.plan()).orElseThrow();
    for (Service s : MigrationsDeliverable.owners(named.plan())) {
      for (Table t : MigrationsDeliverable.schema(named.plan(), s, dialect).tables()) {
        for (Table.ForeignKey fk : t.foreignKeys()) {
          assertThat(fk.onDelete()).isIn("RESTRICT", "SET NULL", "CASCADE");
          boolean indexed = t.primaryKey().columns().get(0).equals(fk.column())
              || t.indexes().stream().anyMatch(i -> i.where() == null && i.columns().get(0).equals(fk.column()))
              || t.uniques().stream().anyMatch(u -> u.where() == null && u.columns().get(0).equals(fk.column()));
          assertThat(indexed).as(t.name() + "." + fk.column()).isTrue();
        }
        assertThat(t.columns()).allSatisfy(c -> assertThat(c.name()).hasSizeLessThanOrEqualTo(63)
            .matches("[a-z][a-z0-9_]*").satisfies(n -> assertThat(SqlNames.isReserved(n)).isFalse()));
      }
    }
  }

  @Test
  void reservedWordsAndLongNamesBecomeSafeIdentifiers() {
    String sql = migration(EVERY_KIND_PG, "user");
    assertThat(sql).contains("CREATE TABLE user_ (", "CREATE TABLE order_ (", "CREATE TABLE group_ (", "  from_ date,",
        "  order_ integer DEFAULT 0,", "CREATE TABLE user_group (", "REFERENCES user_ (id)");
    Schema catalog = schema(EVERY_KIND_PG, "catalog-and-long-names");
    assertThat(catalog.tables()).extracting(Table::name).contains(
        SqlNames.table("ExtraordinarilyLongEntityNameThatCheckHowIdentifiersAreShortened"), "part", "tag", "part_tag");
    assertThat(catalog.tables()).allSatisfy(t -> {
      assertThat(t.name()).hasSizeLessThanOrEqualTo(63);
      t.indexes().forEach(i -> assertThat(i.name()).hasSizeLessThanOrEqualTo(63));
      t.uniques().forEach(u -> assertThat(u.name()).hasSizeLessThanOrEqualTo(63));
      t.foreignKeys().forEach(f -> assertThat(f.name()).hasSizeLessThanOrEqualTo(63));
      t.checks().forEach(c -> assertThat(c.name()).hasSizeLessThanOrEqualTo(63));
    });
  }

  @Test
  void typesFollowTheDialect() {
    Table pg = schema(EVERY_KIND_PG, "user").tableOf("Sample").orElseThrow();
    Table my = schema(EVERY_KIND_MYSQL, "user").tableOf("Sample").orElseThrow();
    assertThat(types(pg)).containsExactly("bigint", "uuid", "varchar(12)", "varchar(255)", "text", "text", "integer",
        "bigint", "numeric(5,3)", "numeric(4,4)", "boolean", "date", "timestamptz", "uuid", "varchar(200)",
        "varchar(300)", "varchar(4)", "jsonb", "bytea", "bytea", "uuid", "timestamptz", "timestamptz", "timestamptz",
        "bigint");
    assertThat(types(my)).containsExactly("bigint", "char(36)", "varchar(12)", "varchar(255)", "mediumtext", "text",
        "int", "bigint", "decimal(5,3)", "decimal(4,4)", "boolean", "date", "datetime(6)", "char(36)", "varchar(200)",
        "varchar(300)", "varchar(4)", "json", "mediumblob", "longblob", "char(36)", "datetime(6)", "datetime(6)",
        "datetime(6)", "bigint", "tinyint");
    assertThat(pg.column("id").orElseThrow().identity()).isEqualTo("GENERATED BY DEFAULT AS IDENTITY");
    assertThat(my.column("id").orElseThrow().identity()).isEqualTo("AUTO_INCREMENT");
    assertThat(pg.column("label").orElseThrow().defaultValue()).isEqualTo("'O''Brien \\ said \"hi\"'");
    assertThat(my.column("label").orElseThrow().defaultValue()).isEqualTo("'O''Brien \\\\ said \"hi\"'");
    assertThat(pg.column("at").orElseThrow().defaultValue()).isEqualTo("'2025-01-31 10:00:00.000000+00'");
    assertThat(my.column("body").orElseThrow().defaultValue()).isEqualTo("('none yet')");
    assertThat(pg.checks()).extracting(Table.Check::expression).contains("level IN ('low', 'mid', 'high')",
        "amount >= -10.5 AND amount <= 10.5", "char_length(code) >= 3", "octet_length(avatar) <= 65536",
        "char_length(body) <= 20000");
  }

  @Test
  void softDeleteKeepsUniqueKeysAndListIndexesToLiveRows() {
    Table pg = schema(EVERY_KIND_PG, "user").tableOf("User").orElseThrow();
    assertThat(pg.uniques()).allSatisfy(u -> assertThat(u.where()).isEqualTo("deleted_at IS NULL"));
    assertThat(pg.indexes()).filteredOn(i -> i.purpose().equals("foreign key")).allSatisfy(i -> assertThat(i.where()).isNull());
    Table my = schema(EVERY_KIND_MYSQL, "user").tableOf("User").orElseThrow();
    assertThat(my.uniques()).allSatisfy(u -> assertThat(u.columns()).endsWith("live_key"));
    assertThat(my.column("live_key").orElseThrow().generated()).contains("deleted_at IS NULL");
    assertThat(my.column("homepage_sha256").orElseThrow().generated()).contains("sha2(homepage, 256)");
    assertThat(my.indexes()).extracting(Table.Index::columns).contains(List.of("bio(255)", "id"));
  }

  @Test
  void secretsAreNeverStoredInClear() {
    Table user = schema(EVERY_KIND_PG, "user").tableOf("User").orElseThrow();
    assertThat(user.column("password").orElseThrow()).satisfies(c -> {
      assertThat(c.type()).isEqualTo("varchar(255)");
      assertThat(c.comment()).contains("Data class: secret", "argon2id hash", "never the clear value");
    });
    assertThat(user.column("national_id").orElseThrow()).satisfies(c -> {
      assertThat(c.type()).isEqualTo("bytea");
      assertThat(c.comment()).contains("secret, personal data (pii)", "AES-256-GCM ciphertext");
    });
    assertThat(user.column("api_token_bidx").orElseThrow().role()).isEqualTo(Role.HELPER);
    assertThat(user.uniques()).extracting(Table.Unique::columns).contains(List.of("api_token_bidx"));
    assertThat(user.column("email").orElseThrow().comment()).startsWith("Data class: personal data (pii)");
    Plan regulated = MigrationPlans.decide(MigrationPlans.EVERY_KIND, Map.of("data-protection", "regulated",
        "secrets", "vault"));
    Table protectedUser = schema(regulated, "user").tableOf("User").orElseThrow();
    assertThat(protectedUser.column("api_token").orElseThrow().comment()).contains("Vault's transit engine");
    assertThat(protectedUser.column("email").orElseThrow()).satisfies(c -> {
      assertThat(c.type()).isEqualTo("bytea");
      assertThat(c.comment()).startsWith("Data class: personal data (pii). Holds AES-256-GCM ciphertext");
    });
  }

  @Test
  void tenantsAreKeptApartByTheirKeyAndRowLevelSecurityOnPostgres() {
    Schema user = schema(EVERY_KIND_PG, "user");
    assertThat(user.tableOf("Tenant").orElseThrow().tenant()).isNull();
    assertThat(user.tableOf("User").orElseThrow().tenant().column()).isEqualTo("tenant_id");
    assertThat(user.tableOf("Group").orElseThrow().tenant().column()).isEqualTo("tenant_id");
    assertThat(user.tableOf("Order").orElseThrow().column("tenant_id").orElseThrow().role()).isEqualTo(Role.TENANT);
    assertThat(migration(EVERY_KIND_PG, "user")).contains("ALTER TABLE sample FORCE ROW LEVEL SECURITY;",
        "CREATE POLICY tenant_isolation ON sample USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)");
    assertThat(migration(EVERY_KIND_MYSQL, "user")).doesNotContain("POLICY");
    assertThat(new MigrationsDeliverable().warnings(Facts.of(EVERY_KIND_MYSQL))).singleElement().asString()
        .contains("no row-level security");
    Plan saas = MigrationPlans.decide(Path.of("samples/saas-projects.yaml"), Map.of());
    assertThat(schema(saas, "organizations").tableOf("Organization").orElseThrow().tenant()).isNull();
    assertThat(schema(saas, "organizations").tableOf("Member").orElseThrow().tenant().column()).isEqualTo("organization_id");
    assertThat(schema(saas, "projects").tableOf("Task").orElseThrow().tenant().column()).isEqualTo("organization_id");
    Plan shop = MigrationPlans.decide(Path.of("samples/ecommerce.yaml"), Map.of());
    assertThat(migration(shop, "orders")).doesNotContain("ROW LEVEL SECURITY").doesNotContain("tenant");
  }

  @Test
  void relationsBecomeForeignKeysJoinTablesAndUniqueKeys() {
    Schema user = schema(EVERY_KIND_PG, "user");
    Table order = user.tableOf("Order").orElseThrow();
    assertThat(order.foreignKeys()).extracting(f -> f.column() + " → " + f.table() + " " + f.onDelete())
        .containsExactly("user_id → user_ RESTRICT", "parent_id → order_ SET NULL");
    assertThat(order.uniques()).extracting(Table.Unique::columns).containsExactly(List.of("parent_id"));
    Table buddies = user.table("user_buddy").orElseThrow();
    assertThat(buddies.primaryKey().columns()).containsExactly("user_id", "buddy_id");
    assertThat(buddies.foreignKeys()).extracting(Table.ForeignKey::onDelete).containsOnly("CASCADE");
    assertThat(user.tables()).extracting(Table::name).containsOnlyOnce("user_group").doesNotContain("group_member");
    Schema catalog = schema(EVERY_KIND_PG, "catalog-and-long-names");
    assertThat(catalog.tables()).filteredOn(Table::isJoinTable).extracting(Table::name).hasSize(2).contains("part_tag");
  }

  @Test
  void optimisticLockingWhereSomeoneMayUpdate() {
    Schema user = schema(EVERY_KIND_PG, "user");
    assertThat(user.tableOf("Order").orElseThrow().column("lock_version")).isEmpty();
    assertThat(user.tableOf("User").orElseThrow().column("lock_version").orElseThrow())
        .satisfies(c -> assertThat(c.role()).isEqualTo(Role.VERSION)).satisfies(c -> assertThat(c.notNull()).isTrue());
  }

  @Test
  void cassandraGetsAKeyspaceAndATablePerAccessPatternThatItsOwnParserAccepts() {
    Plan iot = MigrationPlans.decide(Path.of("samples/iot-telemetry.yaml"), Map.of());
    assertThat(iot.choice("database")).isEqualTo("cassandra");
    List<Artifact> artifacts = MigrationWorkspace.render(iot);

    assertThat(artifacts).extracting(Artifact::path).contains("db/README.md", "db/ingest/schema.cql")
        .noneMatch(p -> p.endsWith(".sql"));
    assertThat(new MigrationsDeliverable().warnings(Facts.of(iot))).isEmpty();
    assertThat(artifacts.stream().filter(a -> a.path().equals("db/README.md")).findFirst().orElseThrow().content())
        .contains("designed query first").doesNotContain("by hand");
    for (Artifact a : artifacts) {
      if (a.path().endsWith(".cql")) {
        assertThat(a.kind()).isEqualTo(MigrationsDeliverable.CQL);
        assertThat(new CqlValidator().validate(a)).as(a.path()).isEmpty();
        assertThat(a.content()).contains("CREATE KEYSPACE IF NOT EXISTS fleetpulse_" + a.path().split("/")[1]
            + "\n  WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 3};");
      }
    }
    String ingest = artifacts.stream().filter(a -> a.path().equals("db/ingest/schema.cql")).findFirst().orElseThrow()
        .content();
    // Reading: read by id; listed by device (the API's deviceId filter), a month at a time, newest reading first
    assertThat(ingest).contains("-- Access pattern: get, update and delete one Reading by its id.")
        .contains("PRIMARY KEY ((id))")
        .contains("PRIMARY KEY ((device_id, bucket_month), recorded_at, id)\n) WITH CLUSTERING ORDER BY (recorded_at"
            + " DESC, id ASC);");
    Plan mongo = MigrationPlans.decide(Path.of("samples/minimal.yaml"), Map.of("database", "mongodb"));
    assertThat(MigrationWorkspace.render(mongo)).extracting(Artifact::path).containsExactly("db/README.md");
    assertThat(new MigrationsDeliverable().warnings(Facts.of(mongo))).singleElement().asString()
        .contains("database 'mongodb' is not a SQL database");
  }

  @Test
  void aCassandraTableStatesItsKeysAndClusteringOrderPerQuery() {
    Plan plan = MigrationPlans.decide(MigrationPlans.load("orders.yaml", """
        archforge: 1
        project: { name: shop }
        services:
          orders: { entities: [Customer, Order] }
        entities:
          Customer:
            fields:
              email: { type: email, unique: true }
          Order:
            fields:
              status: { type: enum, values: [placed, paid] }
              table: string
            relations:
              customer: { to: Customer, kind: many-to-one }
        """), Map.of("database", "cassandra"));
    Artifact cql = MigrationWorkspace.render(plan).stream().filter(a -> a.path().equals("db/orders/schema.cql"))
        .findFirst().orElseThrow();
    assertThat(new CqlValidator().validate(cql)).isEmpty();
    assertThat(cql.content()).contains("""
        -- Access pattern: list the Order records of one Customer (customerId filter), newest first.
        -- Partition key: customer_id; clustering: created_at DESC, id ASC.
        CREATE TABLE IF NOT EXISTS shop_orders.order_by_customer (
        """).contains("""
          customer_id uuid,
          created_at timestamp,
          updated_at timestamp,
          PRIMARY KEY ((customer_id), created_at, id)
        ) WITH CLUSTERING ORDER BY (created_at DESC, id ASC);
        """).contains("CREATE TABLE IF NOT EXISTS shop_orders.customer_by_email (")
        .contains("PRIMARY KEY ((email))")
        .contains("PRIMARY KEY ((status, bucket_month), created_at, id)")
        // a reserved word of CQL is quoted
        .contains("  \"table\" text,");
  }

  @Test
  void whatMySqlCannotHoldIsAClearError() {
    Plan plan = MigrationPlans.decide(MigrationPlans.load("wide.yaml", """
        archforge: 1
        project: { name: lab }
        services:
          lab: { entities: [Measure] }
        entities:
          Measure:
            fields:
              value: { type: decimal, precision: 70, scale: 2 }
        """), Map.of("database", "mysql"));

    assertThatThrownBy(() -> MigrationWorkspace.render(plan)).isInstanceOf(RenderException.class)
        .hasMessageContaining("service lab: field 'value' is decimal(70, 2): MySQL allows at most 65 digits");
    Plan postgres = MigrationPlans.decide(plan.requirements(), Map.of("database", "postgresql"));
    assertThat(migration(postgres, "lab")).contains("value numeric(70,2)");
  }

  @Test
  void aFieldThatClashesWithAGeneratedColumnIsAClearError() {
    Plan plan = MigrationPlans.decide(MigrationPlans.load("clash.yaml", """
        archforge: 1
        project: { name: lab }
        services:
          lab: { entities: [Item] }
        entities:
          Item:
            fields:
              lockVersion: integer
        """), Map.of());

    assertThatThrownBy(() -> MigrationWorkspace.render(plan)).isInstanceOf(RenderException.class)
        .hasMessageContaining("table item would have two columns named lock_version (from 'lockVersion' and the generated version)");
  }

  @Test
  void theReadmeStatesTheNamingRuleAndHowToRunTheMigrations() {
    String readme = MigrationWorkspace.content(MigrationWorkspace.render(EVERY_KIND_PG), "db/README.md");
    assertThat(readme).contains("reserved word of PostgreSQL, MySQL or MariaDB gets a trailing",
        "longer than 63 characters is cut", "-schemas=user_ -locations=filesystem:db/user/migrations migrate",
        "SET LOCAL app.tenant_id", "user\\_.password: a salted argon2id hash");
    Plan monolith = MigrationPlans.decide(MigrationPlans.EVERY_KIND, Map.of("architecture-style", "modular-monolith"));
    assertThat(MigrationWorkspace.content(MigrationWorkspace.render(monolith), "db/README.md"))
        .contains("share one database, `lab`,", "with one schema per module");
  }

  private static Schema schema(Plan plan, String service) {
    return MigrationsDeliverable.schema(plan, plan.requirements().service(service).orElseThrow(),
        MigrationsDeliverable.dialect(plan).orElseThrow());
  }

  private static String migration(Plan plan, String service) {
    return MigrationWorkspace.content(MigrationWorkspace.render(plan), "db/" + service + "/migrations/V1__initial_schema.sql");
  }

  private static List<String> types(Table t) {
    return t.columns().stream().map(Column::type).toList();
  }
}
