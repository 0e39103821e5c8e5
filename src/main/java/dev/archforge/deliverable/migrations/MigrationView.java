package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.Dialect;
import dev.archforge.facts.schema.Schema;
import dev.archforge.facts.schema.Table.Check;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.Index;
import dev.archforge.facts.schema.Table.Key;
import dev.archforge.facts.schema.Table.TenantScope;
import dev.archforge.facts.schema.Table.Unique;
import dev.archforge.facts.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * What a migration template prints. Every identifier comes from {@link SqlNames} and every text
 * is already a SQL literal ({@link Dialect#literal}): the {@code .sql.ftl} templates escape nothing.
 *
 * @param file the migration's file name
 * @param database the servers it is written for
 * @param notes comment lines for the head of the file
 * @param foreignKeys every foreign key of the schema, added once all tables exist
 */
public record MigrationView(String file, String service, String schema, String database, String project,
    List<String> notes, List<TableView> tables, List<ForeignKeyView> foreignKeys) {

  public MigrationView {
    notes = List.copyOf(notes);
    tables = List.copyOf(tables);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /**
   * One table. {@code uniques} are constraints of the CREATE TABLE; {@code partialUniques} are
   * unique indexes with a WHERE (PostgreSQL only).
   */
  public record TableView(String name, String comment, List<ColumnView> columns, Key primaryKey,
      List<Unique> uniques, List<Unique> partialUniques, List<Check> checks, List<Index> indexes,
      TenantScope tenant) {}

  /** One column; {@code comment} is a SQL literal or null. */
  public record ColumnView(String name, String type, String generated, boolean notNull, String defaultValue,
      String identity, String comment) {}

  public record ForeignKeyView(String table, String name, String column, String references, String onDelete) {}

  static MigrationView of(String file, String project, Schema schema, List<String> notes) {
    Dialect d = schema.dialect();
    List<TableView> tables = new ArrayList<>();
    List<ForeignKeyView> keys = new ArrayList<>();
    for (Table t : schema.tables()) {
      List<ColumnView> columns = t.columns().stream().map(c -> column(d, c)).toList();
      tables.add(new TableView(t.name(), d.literal(t.comment()), columns, t.primaryKey(),
          t.uniques().stream().filter(u -> u.where() == null).toList(),
          t.uniques().stream().filter(u -> u.where() != null).toList(), t.checks(), t.indexes(), t.tenant()));
      t.foreignKeys().forEach(f -> keys.add(new ForeignKeyView(t.name(), f.name(), f.column(), f.table(), f.onDelete())));
    }
    return new MigrationView(file, schema.service(), schema.name(), d.title(), project, notes, tables, keys);
  }

  private static ColumnView column(Dialect d, Column c) {
    return new ColumnView(c.name(), c.type(), c.generated(), c.notNull(), c.defaultValue(), c.identity(),
        c.comment() == null ? null : d.literal(c.comment()));
  }
}
