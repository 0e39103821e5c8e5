package dev.archforge.facts.schema;

import dev.archforge.model.Field;
import dev.archforge.model.IdType;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What differs between the SQL databases the migrations target: types, literals, defaults and
 * what each can enforce. Everything else (which tables, columns, keys and indexes) is decided once.
 */
public sealed interface Dialect permits PostgresDialect, MySqlDialect {
  /**
   * Where Flyway (and Liquibase, Spring) replace a placeholder: never written as such in a
   * literal, so the migrations run with placeholder replacement on or off.
   */
  String PLACEHOLDER = "${";

  /** How {@link #literal} writes {@link #PLACEHOLDER}: the same text for the database, none for a runner. */
  String placeholderEscape();

  /** The {@code database} decision's option: {@code postgresql} or {@code mysql}. */
  String id();

  /** The servers the SQL is written for, for comments and documents. */
  String title();

  /** The template that prints a migration. */
  public default String template() {
    return "migrations/" + id() + ".sql.ftl";
  }

  /** The type of an id column and of the foreign keys to it. */
  String idType(IdType id);

  /** The default of an id column, or null. */
  String idDefault(IdType id);

  /** The clause that makes the database number a {@code long} id, or null. */
  String identity(IdType id);

  /**
   * The type of a field's column.
   *
   * @param length the effective maximum length of a text-like field (string, text, email, url), or null
   */
  ColumnType type(Field field, Integer length);

  String timestampType();

  /** The default of a timestamp column set on insert. */
  String now();

  /** A string literal, quotes (and for MySQL backslashes) escaped, with no {@link #PLACEHOLDER} in it. */
  String literal(String text);

  /** A field's default in SQL, or null when it has none. */
  String defaultValue(Field field, ColumnType type);

  /** {@code true}/{@code false} literals. */
  public default String bool(boolean value) {
    return value ? "TRUE" : "FALSE";
  }

  public default String number(BigDecimal value) {
    return value.toPlainString();
  }

  /** Partial (filtered) indexes exist: soft-deleted rows are left out of unique and list indexes. */
  boolean partialIndexes();

  /** Row-level security exists. */
  boolean rowLevelSecurity();

  /** A text column's type for a hash or short code of {@code length} ASCII characters. */
  public default String shortText(int length) {
    return "varchar(" + length + ")";
  }

  /** The type of a column that holds ciphertext of up to {@code bytes} bytes. */
  String binary(long bytes);

  /**
   * For a dialect without partial indexes: a generated column that is 1 for live rows and NULL for
   * soft-deleted ones, so that a unique key over (columns, marker) ignores deleted rows.
   */
  Optional<String> liveMarker(String deletedAt);

  /** For a dialect that cannot index a long text: a stored generated column holding its hash. */
  Optional<String> hashOf(String column);

  /** The column type and whether a plain index can cover the whole value. */
  public record ColumnType(String sql, boolean wholeValueIndexable, boolean expressionDefault) {}

  public static Optional<Dialect> of(String database) {
    return switch (database) {
      case "postgresql" -> Optional.of(new PostgresDialect());
      case "distributed-sql" -> Optional.of(new PostgresDialect(true));
      case "mysql" -> Optional.of(new MySqlDialect());
      default -> Optional.empty();
    };
  }
}
