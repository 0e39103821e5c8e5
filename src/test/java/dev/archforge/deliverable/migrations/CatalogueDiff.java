package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.PostgresDialect;
import dev.archforge.facts.schema.Schema;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.ForeignKey;
import dev.archforge.facts.schema.Table.Index;
import dev.archforge.facts.schema.Table.Unique;
import dev.archforge.facts.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Every difference between the tables a schema model describes and the catalogue a database
 * reports after the migration ran: tables, columns (order, type, nullability, default, identity,
 * generated, comment), primary key, unique keys (partial ones with their predicate), checks,
 * indexes, foreign keys with ON DELETE, and row-level security. Empty when they match exactly.
 *
 * <p>MariaDB reports a JSON column as {@code longtext} with a {@code json_valid} check named after
 * the column, and integer display widths; those are its spelling of the same model.
 */
final class CatalogueDiff {
  private final List<String> differences = new ArrayList<>();
  private final boolean mariaDb;

  private CatalogueDiff(boolean mariaDb) {
    this.mariaDb = mariaDb;
  }

  static List<String> of(Schema model, Map<String, Catalogue.Table> actual, boolean mariaDb) {
    CatalogueDiff diff = new CatalogueDiff(mariaDb);
    diff.compare(model, actual);
    return diff.differences;
  }

  private void compare(Schema model, Map<String, Catalogue.Table> actual) {
    TreeSet<String> expected = new TreeSet<>(model.tables().stream().map(Table::name).toList());
    same("tables of " + model.name(), expected, new TreeSet<>(actual.keySet()));
    boolean postgres = model.dialect() instanceof PostgresDialect;
    for (Table t : model.tables()) {
      Catalogue.Table a = actual.get(t.name());
      if (a != null) {
        table(t, a, postgres);
      }
    }
  }

  private void table(Table t, Catalogue.Table a, boolean postgres) {
    String at = t.name();
    same(at + " comment", t.comment(), a.comment());
    same(at + " columns", t.columns().stream().map(Column::name).toList(),
        a.columns().stream().map(Catalogue.Column::name).toList());
    for (Column c : t.columns()) {
      a.columns().stream().filter(x -> x.name().equals(c.name())).findFirst().ifPresent(x -> column(at, c, x, postgres));
    }
    List<String> json = t.columns().stream().filter(c -> c.type().equals("json")).map(Column::name).toList();
    TreeSet<String> checks = new TreeSet<>(a.checks());
    if (mariaDb) {
      checks.removeAll(json);
    }
    same(at + " checks", new TreeSet<>(t.checks().stream().map(Table.Check::name).toList()), checks);
    TreeSet<String> indexes = new TreeSet<>();
    indexes.add(postgres ? t.primaryKey().name() : "PRIMARY");
    t.uniques().forEach(u -> indexes.add(u.name()));
    t.indexes().forEach(i -> indexes.add(i.name()));
    same(at + " indexes and keys", indexes, new TreeSet<>(a.indexes().keySet()));
    Catalogue.Index pk = a.indexes().get(postgres ? t.primaryKey().name() : "PRIMARY");
    if (pk != null) {
      same(at + " primary key", List.of(true, t.primaryKey().columns()), List.of(pk.primary(), pk.columns()));
    }
    for (Unique u : t.uniques()) {
      Catalogue.Index x = a.indexes().get(u.name());
      if (x != null) {
        same(at + " unique " + u.name(), List.of(true, u.columns(), predicate(u.where())),
            List.of(x.unique(), x.columns(), predicate(x.predicate())));
      }
    }
    for (Index i : t.indexes()) {
      Catalogue.Index x = a.indexes().get(i.name());
      if (x != null) {
        same(at + " index " + i.name(), List.of(false, i.columns(), predicate(i.where())),
            List.of(x.unique(), x.columns(), predicate(x.predicate())));
      }
    }
    same(at + " foreign keys", new TreeSet<>(t.foreignKeys().stream().map(ForeignKey::name).toList()),
        new TreeSet<>(a.foreignKeys().keySet()));
    for (ForeignKey f : t.foreignKeys()) {
      Catalogue.ForeignKey x = a.foreignKeys().get(f.name());
      if (x != null) {
        same(at + " foreign key " + f.name(), List.of(f.column(), f.table(), f.onDelete()),
            List.of(x.column(), x.table(), x.onDelete()));
      }
    }
    if (postgres) {
      boolean rls = t.tenant() != null && t.tenant().rowLevelSecurity();
      same(at + " row-level security (enabled, forced)", List.of(rls, rls), List.of(a.rowSecurity(), a.forcedRowSecurity()));
      same(at + " policies", rls ? List.of("tenant_isolation") : List.of(), List.copyOf(a.policies().keySet()));
      if (rls && a.policies().containsKey("tenant_isolation")) {
        String policy = a.policies().get("tenant_isolation");
        if (!policy.contains(t.tenant().column() + " = ") || !policy.contains("app.tenant_id")) {
          differences.add(at + " policy tenant_isolation does not compare " + t.tenant().column() + ": " + policy);
        }
      }
    }
  }

  private void column(String table, Column c, Catalogue.Column x, boolean postgres) {
    String at = table + "." + c.name();
    String expected = postgres ? postgresType(c.type()) : c.type();
    String actual = postgres ? x.type() : mysqlType(x.type(), c.type());
    same(at + " type", expected, actual);
    same(at + " nullable", !c.notNull(), x.nullable());
    same(at + " has a default", c.defaultValue() != null, x.hasDefault());
    same(at + " identity", c.identity() != null, x.identity());
    same(at + " generated", c.generated() != null, x.generated());
    same(at + " comment", c.comment(), x.comment());
  }

  /** pg_catalog's spelling of the types the PostgreSQL dialect writes. */
  static String postgresType(String type) {
    if (type.startsWith("varchar(")) {
      return "character varying" + type.substring("varchar".length());
    }
    return type.equals("timestamptz") ? "timestamp with time zone" : type;
  }

  /** MySQL's and MariaDB's spelling, brought to the dialect's: display widths dropped, boolean as tinyint(1). */
  private String mysqlType(String actual, String expected) {
    String type = actual.replaceAll("^(tinyint|smallint|mediumint|int|bigint)\\((\\d+)\\)", "$1($2)");
    if (expected.equals("boolean")) {
      return type.equals("tinyint(1)") ? "boolean" : type;
    }
    type = type.replaceAll("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)", "$1");
    if (mariaDb && expected.equals("json") && type.equals("longtext")) {
      return "json";
    }
    return type;
  }

  private static String predicate(String where) {
    return where == null ? "" : where.replaceAll("[()\\s]", "").toLowerCase();
  }

  private void same(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      differences.add(what + ": expected " + expected + " but the database has " + actual);
    }
  }
}
