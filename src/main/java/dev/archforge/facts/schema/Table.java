package dev.archforge.facts.schema;

import java.util.List;
import java.util.Optional;

/**
 * One table as the migration creates it, in one dialect: what the template prints, what the
 * database tests read back from the catalogue, and what a diagram of the data model shows.
 *
 * @param name the table's name (see {@link SqlNames})
 * @param entity the entity it stores, or for a join table the entity that declares the relation
 * @param relation for a join table, the many-to-many relation it stores; else null
 * @param comment the table's comment: the entity's description and what the table adds
 * @param columns in creation order
 * @param primaryKey the primary key
 * @param uniques unique constraints (a partial one when {@link Unique#where} is set)
 * @param checks check constraints
 * @param indexes non-unique indexes, foreign keys' included
 * @param foreignKeys foreign keys, added after every table exists
 * @param tenant x, or null when the table is not tenant-scoped
 */
public record Table(
    String name,
    String entity,
    String relation,
    String comment,
    List<Column> columns,
    Key primaryKey,
    List<Unique> uniques,
    List<Check> checks,
    List<Index> indexes,
    List<ForeignKey> foreignKeys,
    TenantScope tenant) {

  public Table {
    columns = List.copyOf(columns);
    uniques = List.copyOf(uniques);
    checks = List.copyOf(checks);
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
  }

  public boolean isJoinTable() {
    return relation != null;
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * The keys a column takes part in, as a diagram marks them: {@code PK} (primary key), {@code FK}
   * (foreign key), {@code UK} (first column of a unique key). For an ERD drawn from these tables.
   */
  public List<String> keys(String column) {
    List<String> keys = new java.util.ArrayList<>();
    if (primaryKey.columns().contains(column)) {
      keys.add("PK");
    }
    if (foreignKeys.stream().anyMatch(f -> f.column().equals(column))) {
      keys.add("FK");
    }
    if (uniques.stream().anyMatch(u -> u.columns().get(0).equals(column))) {
      keys.add("UK");
    }
    return keys;
  }

  /** What a column is for. */
  public enum Role {
    ID, FIELD, REFERENCE, TENANT, CREATED_AT, UPDATED_AT, DELETED_AT, VERSION,
    /** A column the dialect needs to enforce something: a blind index, a live-row marker, a hash of a long text. */
    HELPER
  }

  /**
   * One column.
   *
   * @param type the type as written in the migration, e.g. {@code varchar(120)}, {@code timestamptz}
   * @param generated for a generated column, the whole clause ({@code GENERATED ALWAYS AS (...) VIRTUAL}); else null
   * @param defaultValue the default as SQL text, or null
   * @param identity a clause after the default that makes the database number rows, or null
   * @param comment the column's comment, with the data class of personal and secret data
   * @param role what it is for
   * @param source the field or relation of the requirements it stores, or null
   */
  public record Column(String name, String type, String generated, boolean notNull, String defaultValue,
      String identity, String comment, Role role, String source) {}

  /** A primary key. */
  public record Key(String name, List<String> columns) {
    public Key {
      columns = List.copyOf(columns);
    }
  }

  /** A unique constraint; with {@code where}, a partial unique index (PostgreSQL, soft delete). */
  public record Unique(String name, List<String> columns, String where) {
    public Unique {
      columns = List.copyOf(columns);
    }
  }

  /** A check constraint on one column. */
  public record Check(String name, String column, String expression) {}

  /**
   * A non-unique index.
   *
   * @param columns column names; a MySQL prefix is written {@code name(768)}
   * @param where a PostgreSQL partial index's predicate, or null
   * @param purpose why it exists, for the migration's comments
   */
  public record Index(String name, List<String> columns, String where, String purpose) {
    public Index {
      columns = List.copyOf(columns);
    }
  }

  /** A foreign key of one column to the id of {@code table}. */
  public record ForeignKey(String name, String column, String table, String onDelete) {}

  /**
   * The tenant key of a table. With row-level security, rows are visible to, and may be written by,
   * the tenant named in the session setting {@code app.tenant_id} only.
   *
   * @param column the tenant column
   * @param sqlType the column's type, to cast the setting to
   * @param rowLevelSecurity whether the database enforces the scope (PostgreSQL)
   */
  public record TenantScope(String column, String sqlType, boolean rowLevelSecurity) {}
}
