package dev.archforge.facts.schema;

import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.ForeignKey;
import dev.archforge.facts.schema.Table.Index;
import dev.archforge.facts.schema.Table.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** PostgreSQL's statements for a changing schema. */
public record PostgresDdl(Dialect dialect) implements Ddl {
  @Override
  public List<String> createTable(Table t) {
    List<String> parts = new ArrayList<>();
    t.columns().forEach(c -> parts.add("  " + definition(c)));
    parts.add("  CONSTRAINT " + t.primaryKey().name() + " PRIMARY KEY (" + String.join(", ", t.primaryKey().columns()) + ")");
    t.uniques().stream().filter(u -> u.where() == null)
        .forEach(u -> parts.add("  CONSTRAINT " + u.name() + " UNIQUE (" + String.join(", ", u.columns()) + ")"));
    t.checks().forEach(k -> parts.add("  CONSTRAINT " + k.name() + " CHECK (" + k.expression() + ")"));
    List<String> statements = new ArrayList<>();
    statements.add("CREATE TABLE " + t.name() + " (\n" + String.join(",\n", parts) + "\n);");
    statements.add(tableComment(t.name(), t.comment()));
    t.columns().stream().filter(c -> c.comment() != null).forEach(c -> statements.addAll(comment(t.name(), c)));
    t.uniques().stream().filter(u -> u.where() != null).forEach(u -> statements.add(addUnique(t.name(), u)));
    t.indexes().forEach(i -> statements.add(addIndex(t.name(), i)));
    return statements;
  }

  private String definition(Column c) {
    return c.name() + " " + c.type() + (c.generated() == null ? "" : " " + c.generated()) + (c.notNull() ? " NOT NULL" : "")
        + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue()) + (c.identity() == null ? "" : " " + c.identity());
  }

  @Override
  public List<String> renameTable(Table before, Table after) {
    String to = after.name();
    List<String> statements = new ArrayList<>(List.of("ALTER TABLE " + before.name() + " RENAME TO " + to + ";"));
    String pk = after.primaryKey().name();
    if (!pk.equals(before.primaryKey().name())) {
      statements.add("ALTER TABLE " + to + " RENAME CONSTRAINT " + before.primaryKey().name() + " TO " + pk + ";");
    }
    return statements;
  }

  @Override
  public List<String> addColumn(String table, Column c) {
    List<String> statements = new ArrayList<>(List.of("ALTER TABLE " + table + " ADD COLUMN " + definition(c) + ";"));
    if (c.comment() != null) {
      statements.addAll(comment(table, c));
    }
    return statements;
  }

  @Override
  public List<String> alterColumn(String table, Column before, Column after) {
    String at = "ALTER TABLE " + table + " ALTER COLUMN " + after.name();
    List<String> statements = new ArrayList<>();
    if (!Objects.equals(before.defaultValue(), after.defaultValue()) && before.defaultValue() != null) {
      statements.add(at + " DROP DEFAULT;");
    }
    if (!before.type().equals(after.type())) {
      statements.add(at + " TYPE " + after.type() + " USING " + after.name() + "::" + after.type() + ";");
    }
    if (!Objects.equals(before.defaultValue(), after.defaultValue()) && after.defaultValue() != null) {
      statements.add(at + " SET DEFAULT " + after.defaultValue() + ";");
    }
    if (before.notNull() != after.notNull()) {
      statements.add(at + (after.notNull() ? " SET NOT NULL;" : " DROP NOT NULL;"));
    }
    if (!Objects.equals(before.comment(), after.comment())) {
      statements.addAll(comment(table, after));
    }
    return statements;
  }

  @Override
  public String castCopy(String table, String from, String to, String type) {
    return "UPDATE " + table + " SET " + to + " = CAST(" + from + " AS " + type + ") WHERE " + to + " IS NULL;";
  }

  @Override
  public List<String> comment(String table, Column after) {
    return List.of("COMMENT ON COLUMN " + table + "." + after.name() + " IS "
        + (after.comment() == null ? "NULL" : dialect.literal(after.comment())) + ";");
  }

  @Override
  public String tableComment(String table, String comment) {
    return "COMMENT ON TABLE " + table + " IS " + dialect.literal(comment) + ";";
  }

  @Override
  public String addUnique(String table, Unique u) {
    return u.where() == null
        ? "ALTER TABLE " + table + " ADD CONSTRAINT " + u.name() + " UNIQUE (" + String.join(", ", u.columns()) + ");"
        : "CREATE UNIQUE INDEX " + u.name() + " ON " + table + " (" + String.join(", ", u.columns()) + ") WHERE "
            + u.where() + ";";
  }

  @Override
  public String dropUnique(String table, Unique u) {
    return u.where() == null ? "ALTER TABLE " + table + " DROP CONSTRAINT " + u.name() + ";" : "DROP INDEX " + u.name() + ";";
  }

  @Override
  public String addIndex(String table, Index i) {
    return "CREATE INDEX " + i.name() + " ON " + table + " (" + String.join(", ", i.columns()) + ")"
        + (i.where() == null ? "" : " WHERE " + i.where()) + ";";
  }

  @Override
  public String renameIndex(String table, String from, String to) {
    return "ALTER INDEX " + from + " RENAME TO " + to + ";";
  }

  @Override
  public String renameUnique(String table, Unique from, String to) {
    return from.where() == null ? "ALTER TABLE " + table + " RENAME CONSTRAINT " + from.name() + " TO " + to + ";"
        : renameIndex(table, from.name(), to);
  }

  @Override
  public Optional<String> renameForeignKey(String table, ForeignKey from, String to) {
    return Optional.of("ALTER TABLE " + table + " RENAME CONSTRAINT " + from.name() + " TO " + to + ";");
  }

  @Override
  public String dropIndex(String table, Index i) {
    return "DROP INDEX " + i.name() + ";";
  }

  @Override
  public String dropForeignKey(String table, ForeignKey f) {
    return "ALTER TABLE " + table + " DROP CONSTRAINT " + f.name() + ";";
  }

  @Override
  public List<String> rowLevelSecurity(Table t) {
    if (t.tenant() == null || !t.tenant().rowLevelSecurity()) {
      return List.of();
    }
    String matches = t.tenant().column() + " = nullif(current_setting('app.tenant_id', true), '')::" + t.tenant().sqlType();
    return List.of("ALTER TABLE " + t.name() + " ENABLE ROW LEVEL SECURITY;",
        "ALTER TABLE " + t.name() + " FORCE ROW LEVEL SECURITY;",
        "CREATE POLICY tenant_isolation ON " + t.name() + " USING (" + matches + ") WITH CHECK (" + matches + ");");
  }
}
