package dev.archforge.facts.schema;

import dev.archforge.facts.schema.Table.Check;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.ForeignKey;
import dev.archforge.facts.schema.Table.Index;
import dev.archforge.facts.schema.Table.Unique;
import java.util.List;
import java.util.Optional;

/**
 * The statements of a V2+ migration in one dialect: what differs between PostgreSQL and MySQL
 * when a schema changes. The CREATE TABLE of a new table says what V1's template says.
 */
public sealed interface Ddl permits PostgresDdl, MySqlDdl {
  static Ddl of(Dialect dialect) {
    return dialect instanceof MySqlDialect ? new MySqlDdl(dialect) : new PostgresDdl(dialect);
  }

  /** CREATE TABLE with its keys, checks, comments and indexes; foreign keys come later. */
  List<String> createTable(Table t);

  default String dropTable(String table) {
    return "DROP TABLE " + table + ";";
  }

  /** Renames a table, and its primary key where the key's name says the table's. */
  List<String> renameTable(Table before, Table after);

  List<String> addColumn(String table, Column c);

  /**
   * A renamed table's compatibility view under its old name: one table and every column, so both
   * databases can insert, update and delete through it and the table's defaults fill what it omits.
   */
  default String createView(String view, String table) {
    return "CREATE VIEW " + view + " AS SELECT * FROM " + table + ";";
  }

  default String dropView(String view) {
    return "DROP VIEW " + view + ";";
  }

  default String dropColumn(String table, String column) {
    return "ALTER TABLE " + table + " DROP COLUMN " + column + ";";
  }

  default String renameColumn(String table, String from, String to) {
    return "ALTER TABLE " + table + " RENAME COLUMN " + from + " TO " + to + ";";
  }

  /** Brings a column from {@code before} to {@code after} (same name): type, nullability, default. */
  List<String> alterColumn(String table, Column before, Column after);

  /** The column's comment, when it changed alone; empty where the comment is part of the column. */
  List<String> comment(String table, Column after);

  String tableComment(String table, String comment);

  String addUnique(String table, Unique u);

  String dropUnique(String table, Unique u);

  default String addCheck(String table, Check k) {
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + k.name() + " CHECK (" + k.expression() + ");";
  }

  default String dropCheck(String table, Check k) {
    return "ALTER TABLE " + table + " DROP CONSTRAINT " + k.name() + ";";
  }

  String addIndex(String table, Index i);

  /** Gives an index (or a partial unique one) a new name. */
  String renameIndex(String table, String from, String to);

  /** Gives a unique key a new name. */
  String renameUnique(String table, Unique from, String to);

  /** Gives a foreign key a new name, where the dialect can; else it is dropped and added under the new one. */
  Optional<String> renameForeignKey(String table, ForeignKey from, String to);

  String dropIndex(String table, Index i);

  default String addForeignKey(String table, ForeignKey f) {
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + f.name() + " FOREIGN KEY (" + f.column() + ") REFERENCES "
        + f.table() + " (id) ON DELETE " + f.onDelete() + ";";
  }

  String dropForeignKey(String table, ForeignKey f);

  /** Row-level security of a new tenant-scoped table, where the dialect has it. */
  List<String> rowLevelSecurity(Table t);

  default String copy(String table, String from, String to) {
    return "UPDATE " + table + " SET " + to + " = " + from + " WHERE " + to + " IS NULL;";
  }

  /** Fills {@code to} (of type {@code type}) from {@code from} where it is empty; MySQL converts on assignment. */
  default String castCopy(String table, String from, String to, String type) {
    return copy(table, from, to);
  }

  default String fill(String table, String column, String value) {
    return "UPDATE " + table + " SET " + column + " = " + value + " WHERE " + column + " IS NULL;";
  }
}
