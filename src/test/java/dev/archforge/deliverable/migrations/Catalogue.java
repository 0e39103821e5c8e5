package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema as the database reports it, read back from pg_catalog (PostgreSQL) or
 * information_schema (MySQL, MariaDB) into one shape that {@link CatalogueDiff} compares with the
 * model the migration was rendered from.
 */
final class Catalogue {
  record Column(String name, String type, boolean nullable, boolean hasDefault, boolean identity, boolean generated,
      String comment) {}

  /** An index or key; {@code columns} with a MySQL prefix as {@code name(255)}; {@code predicate} of a partial index. */
  record Index(String name, boolean unique, boolean primary, List<String> columns, String predicate) {}

  record ForeignKey(String name, String column, String table, String onDelete) {}

  record Table(String name, String comment, List<Column> columns, Map<String, Index> indexes,
      Map<String, ForeignKey> foreignKeys, TreeSet<String> checks, boolean rowSecurity, boolean forcedRowSecurity,
      Map<String, String> policies) {}

  private Catalogue() {}

  static Map<String, Table> postgres(Connection c, String schema) throws SQLException {
    Map<String, Table> tables = new TreeMap<>();
    for (List<String> row : rows(c, "SELECT c.oid::text, c.relname, coalesce(obj_description(c.oid, 'pg_class'), ''),"
        + " c.relrowsecurity::text, c.relforcerowsecurity::text FROM pg_class c JOIN pg_namespace n ON n.oid ="
        + " c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'", schema)) {
      String oid = row.get(0);
      List<Column> columns = new ArrayList<>();
      for (List<String> a : rows(c, "SELECT attname, format_type(atttypid, atttypmod), (NOT attnotnull)::text,"
          + " atthasdef::text, (attidentity <> '')::text, (attgenerated <> '')::text, coalesce(col_description(attrelid,"
          + " attnum), '') FROM pg_attribute WHERE attrelid = ?::oid AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
          oid)) {
        columns.add(new Column(a.get(0), a.get(1), bool(a.get(2)), bool(a.get(3)), bool(a.get(4)), bool(a.get(5)),
            blank(a.get(6))));
      }
      Map<String, Index> indexes = new TreeMap<>();
      for (List<String> i : rows(c, "SELECT i.relname, x.indisunique::text, x.indisprimary::text,"
          + " coalesce(pg_get_expr(x.indpred, x.indrelid), ''), (SELECT string_agg(a.attname, ',' ORDER BY k.ord)"
          + " FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = x.indrelid"
          + " AND a.attnum = k.attnum) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = ?::oid",
          oid)) {
        indexes.put(i.get(0), new Index(i.get(0), bool(i.get(1)), bool(i.get(2)), List.of(i.get(4).split(",")),
            blank(i.get(3))));
      }
      Map<String, ForeignKey> keys = new TreeMap<>();
      TreeSet<String> checks = new TreeSet<>();
      for (List<String> k : rows(c, "SELECT conname, contype::text, confdeltype::text, coalesce(confrelid::regclass::text,"
          + " ''), coalesce((SELECT attname FROM pg_attribute WHERE attrelid = conrelid AND attnum = conkey[1]), '')"
          + " FROM pg_constraint WHERE conrelid = ?::oid", oid)) {
        if (k.get(1).equals("f")) {
          keys.put(k.get(0), new ForeignKey(k.get(0), k.get(4), unqualified(k.get(3)), pgAction(k.get(2))));
        } else if (k.get(1).equals("c")) {
          checks.add(k.get(0));
        }
      }
      Map<String, String> policies = new TreeMap<>();
      for (List<String> p : rows(c, "SELECT policyname, coalesce(qual, '') || ' / ' || coalesce(with_check, '')"
          + " FROM pg_policies WHERE schemaname = ? AND tablename = ?", schema, row.get(1))) {
        policies.put(p.get(0), p.get(1));
      }
      tables.put(row.get(1), new Table(row.get(1), blank(row.get(2)), columns, indexes, keys, checks, bool(row.get(3)),
          bool(row.get(4)), policies));
    }
    return tables;
  }

  static Map<String, Table> mysql(Connection c, String schema) throws SQLException {
    Map<String, Table> tables = new TreeMap<>();
    for (List<String> row : rows(c, "SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES WHERE"
        + " TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'flyway_schema_history'", schema)) {
      String table = row.get(0);
      List<Column> columns = new ArrayList<>();
      for (List<String> a : rows(c, "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, coalesce(COLUMN_DEFAULT, 'NULL'),"
          + " EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
          + " ORDER BY ORDINAL_POSITION", schema, table)) {
        String extra = a.get(4).toLowerCase();
        boolean generated = extra.contains("generated");
        columns.add(new Column(a.get(0), a.get(1).toLowerCase(), a.get(2).equals("YES"),
            !generated && !a.get(3).equals("NULL"), extra.contains("auto_increment"), generated, blank(a.get(5))));
      }
      Map<String, List<String>> parts = new LinkedHashMap<>();
      Map<String, Boolean> unique = new LinkedHashMap<>();
      for (List<String> i : rows(c, "SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, coalesce(SUB_PART, '') FROM"
          + " information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX",
          schema, table)) {
        parts.computeIfAbsent(i.get(0), k -> new ArrayList<>()).add(i.get(2) + (i.get(3).isEmpty() ? "" : "(" + i.get(3) + ")"));
        unique.put(i.get(0), i.get(1).equals("0"));
      }
      Map<String, Index> indexes = new TreeMap<>();
      parts.forEach((name, cols) -> indexes.put(name, new Index(name, unique.get(name), name.equals("PRIMARY"), cols, null)));
      Map<String, ForeignKey> keys = new TreeMap<>();
      for (List<String> k : rows(c, "SELECT rc.CONSTRAINT_NAME, k.COLUMN_NAME, rc.REFERENCED_TABLE_NAME, rc.DELETE_RULE"
          + " FROM information_schema.REFERENTIAL_CONSTRAINTS rc JOIN information_schema.KEY_COLUMN_USAGE k ON"
          + " k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME AND k.TABLE_NAME ="
          + " rc.TABLE_NAME WHERE rc.CONSTRAINT_SCHEMA = ? AND rc.TABLE_NAME = ?", schema, table)) {
        keys.put(k.get(0), new ForeignKey(k.get(0), k.get(1), k.get(2), k.get(3)));
      }
      TreeSet<String> checks = new TreeSet<>(rows(c, "SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS"
          + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_TYPE = 'CHECK'", schema, table).stream()
          .map(r -> r.get(0)).toList());
      tables.put(table, new Table(table, blank(row.get(1)), columns, indexes, keys, checks, false, false, Map.of()));
    }
    return tables;
  }

  private static List<List<String>> rows(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i) == null ? "" : rs.getString(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private static boolean bool(String text) {
    return text.equals("true") || text.equals("t");
  }

  private static String blank(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static String unqualified(String name) {
    return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
  }

  private static String pgAction(String code) {
    return switch (code) {
      case "r" -> "RESTRICT";
      case "c" -> "CASCADE";
      case "n" -> "SET NULL";
      case "d" -> "SET DEFAULT";
      default -> "NO ACTION";
    };
  }
}
