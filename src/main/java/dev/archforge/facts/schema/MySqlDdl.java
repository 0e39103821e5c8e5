package dev.archforge.facts.schema;

import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.ForeignKey;
import dev.archforge.facts.schema.Table.Index;
import dev.archforge.facts.schema.Table.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** MySQL 8's (and MariaDB 10.11's) statements for a changing schema. */
public record MySqlDdl(Dialect dialect) implements Ddl {
  @Override
  public List<String> createTable(Table t) {
    List<String> parts = new ArrayList<>();
    t.columns().forEach(c -> parts.add("  " + definition(c)));
    parts.add("  PRIMARY KEY (" + String.join(", ", t.primaryKey().columns()) + ")");
    t.uniques().forEach(u -> parts.add("  UNIQUE KEY " + u.name() + " (" + String.join(", ", u.columns()) + ")"));
    t.indexes().forEach(i -> parts.add("  KEY " + i.name() + " (" + String.join(", ", i.columns()) + ")"));
    t.checks().forEach(k -> parts.add("  CONSTRAINT " + k.name() + " CHECK (" + k.expression() + ")"));
    return List.of("CREATE TABLE " + t.name() + " (\n" + String.join(",\n", parts)
        + "\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT=" + dialect.literal(t.comment()) + ";");
  }

  private String definition(Column c) {
    return c.name() + " " + c.type() + (c.generated() == null ? "" : " " + c.generated()) + (c.notNull() ? " NOT NULL" : "")
        + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue()) + (c.identity() == null ? "" : " " + c.identity())
        + (c.comment() == null ? "" : " COMMENT " + dialect.literal(c.comment()));
  }

  @Override
  public List<String> renameTable(Table before, Table after) {
    return List.of("RENAME TABLE " + before.name() + " TO " + after.name() + ";");
  }

  @Override
  public List<String> addColumn(String table, Column c) {
    return List.of("ALTER TABLE " + table + " ADD COLUMN " + definition(c) + ";");
  }

  @Override
  public List<String> alterColumn(String table, Column before, Column after) {
    boolean same = before.type().equals(after.type()) && before.notNull() == after.notNull()
        && Objects.equals(before.defaultValue(), after.defaultValue()) && Objects.equals(before.comment(), after.comment());
    return same ? List.of() : List.of("ALTER TABLE " + table + " MODIFY COLUMN " + definition(after) + ";");
  }

  @Override
  public List<String> comment(String table, Column after) {
    return List.of("ALTER TABLE " + table + " MODIFY COLUMN " + definition(after) + ";");
  }

  @Override
  public String tableComment(String table, String comment) {
    return "ALTER TABLE " + table + " COMMENT = " + dialect.literal(comment) + ";";
  }

  @Override
  public String addUnique(String table, Unique u) {
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + u.name() + " UNIQUE (" + String.join(", ", u.columns()) + ");";
  }

  @Override
  public String dropUnique(String table, Unique u) {
    return "ALTER TABLE " + table + " DROP INDEX " + u.name() + ";";
  }

  @Override
  public String addIndex(String table, Index i) {
    return "CREATE INDEX " + i.name() + " ON " + table + " (" + String.join(", ", i.columns()) + ");";
  }

  @Override
  public String renameIndex(String table, String from, String to) {
    return "ALTER TABLE " + table + " RENAME INDEX " + from + " TO " + to + ";";
  }

  @Override
  public String renameUnique(String table, Unique from, String to) {
    return renameIndex(table, from.name(), to);
  }

  @Override
  public Optional<String> renameForeignKey(String table, ForeignKey from, String to) {
    return Optional.empty();
  }

  @Override
  public String dropIndex(String table, Index i) {
    return "DROP INDEX " + i.name() + " ON " + table + ";";
  }

  @Override
  public String dropForeignKey(String table, ForeignKey f) {
    return "ALTER TABLE " + table + " DROP FOREIGN KEY " + f.name() + ";";
  }

  @Override
  public List<String> rowLevelSecurity(Table t) {
    return List.of();
  }
}
