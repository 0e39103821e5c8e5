package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.SqlNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * What the statements of one migration build, checked as a whole: names fit both PostgreSQL (63)
 * and MySQL (64) and are not reserved words unless quoted; no name is used twice; keys, indexes,
 * comments and policies name tables and columns that exist; every foreign key says what happens
 * ON DELETE and has an index that starts with its column. Tables the file does not create (from an
 * earlier migration) are taken on trust: their columns always, and in a later migration (V2 and
 * on) the tables themselves.
 */
final class SqlSchemaCheck {
  private static final Pattern ARGUMENTS = Pattern.compile("\\(.*\\)$");

  record Problem(int line, String message) {}

  private record ForeignKey(String name, String table, List<String> columns, String target, List<String> targetColumns,
      String onDelete, int line) {}

  private final Map<String, Set<String>> tables = new LinkedHashMap<>();
  /** Table → the first columns of its primary key, unique keys and full (not partial) indexes. */
  private final Map<String, Set<String>> leading = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  private final List<ForeignKey> foreignKeys = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final boolean later;

  /** @param later whether the file is a V2+ migration, which changes tables an earlier one created */
  SqlSchemaCheck(boolean later) {
    this.later = later;
  }

  List<Problem> problems() {
    List<Problem> all = new ArrayList<>(problems);
    for (ForeignKey fk : foreignKeys) {
      if (fk.onDelete() == null) {
        all.add(new Problem(fk.line(), "foreign key " + fk.name() + " does not say what happens ON DELETE"));
      }
      columns(fk.table(), fk.columns(), fk.line(), all);
      columns(fk.target(), fk.targetColumns(), fk.line(), all);
      if (tables.containsKey(key(fk.table())) && !fk.columns().isEmpty()
          && !leading.getOrDefault(key(fk.table()), Set.of()).contains(key(fk.columns().get(0)))) {
        all.add(new Problem(fk.line(), "foreign key " + fk.name() + " on " + fk.table() + "(" + fk.columns().get(0)
            + ") has no index that starts with " + fk.columns().get(0)));
      }
    }
    return all;
  }

  void statement(Statement statement, boolean partial, int line) {
    if (statement instanceof CreateTable t) {
      createTable(t, line);
    } else if (statement instanceof CreateIndex i) {
      String table = i.getTable().getName();
      name(i.getIndex().getName(), "index", line);
      columns(table, i.getIndex().getColumnsNames(), line, problems);
      if (!partial) {
        lead(table, i.getIndex());
      }
    } else if (statement instanceof Alter a && a.getAlterExpressions() != null) {
      for (AlterExpression e : a.getAlterExpressions()) {
        if (e.getOperation() == AlterOperation.DROP) {
          continue; // a later migration dropping what an earlier one made
        }
        if (e.getIndex() instanceof ForeignKeyIndex fk) {
          foreignKey(a.getTable().getName(), fk, line);
        } else if (e.getIndex() != null) {
          name(e.getIndex().getName(), "constraint", line);
          lead(a.getTable().getName(), e.getIndex());
        }
      }
    } else if (statement instanceof Comment c) {
      if (c.getTable() != null) {
        table(c.getTable().getName(), line, problems);
      } else if (c.getColumn() != null && c.getColumn().getTable() != null) {
        columns(c.getColumn().getTable().getName(), List.of(c.getColumn().getColumnName()), line, problems);
      }
    }
  }

  /** A statement on a table: row-level security, or a key dropped. */
  void onTable(String table, int line) {
    table(table, line, problems);
  }

  void policy(String name, String table, int line) {
    identifier(name, "policy", line);
    table(table, line, problems);
  }

  private void createTable(CreateTable t, int line) {
    String table = t.getTable().getName();
    identifier(table, "table", line);
    if (tables.putIfAbsent(key(table), new HashSet<>()) != null) {
      problems.add(new Problem(line, "table " + table + " is created twice"));
    }
    Set<String> columns = tables.get(key(table));
    for (ColumnDefinition c : t.getColumnDefinitions() == null ? List.<ColumnDefinition>of() : t.getColumnDefinitions()) {
      identifier(c.getColumnName(), "column", line);
      if (!columns.add(key(c.getColumnName()))) {
        problems.add(new Problem(line, "table " + table + " has two columns named " + c.getColumnName()));
      }
    }
    for (Index index : t.getIndexes() == null ? List.<Index>of() : t.getIndexes()) {
      if (index instanceof ForeignKeyIndex fk) {
        foreignKey(table, fk, line);
        continue;
      }
      if (index.getName() != null) {
        name(index.getName(), "constraint", line);
      }
      if (!(index instanceof CheckConstraint)) {
        columns(table, index.getColumnsNames(), line, problems);
        lead(table, index);
      }
    }
  }

  private void foreignKey(String table, ForeignKeyIndex fk, int line) {
    if (fk.getName() != null) {
      name(fk.getName(), "constraint", line);
    }
    String onDelete = fk.getOnDeleteReferenceOption();
    foreignKeys.add(new ForeignKey(fk.getName() == null ? "of " + table : fk.getName(), table, fk.getColumnsNames(),
        fk.getTable().getName(), fk.getReferencedColumnNames(), onDelete, line));
  }

  private void lead(String table, Index index) {
    List<String> columns = index.getColumns() == null ? null : index.getColumnsNames();
    if (columns != null && !columns.isEmpty()) {
      leading.computeIfAbsent(key(table), k -> new HashSet<>()).add(key(columns.get(0)));
    }
  }

  /** Columns of a table this file creates must exist; a table it does not create is trusted. */
  private void columns(String table, List<String> columns, int line, List<Problem> into) {
    Set<String> known = tables.get(key(table));
    if (known == null || columns == null) {
      return;
    }
    for (String c : columns) {
      if (!known.contains(key(c))) {
        into.add(new Problem(line, "table " + table + " has no column " + c));
      }
    }
  }

  private void table(String table, int line, List<Problem> into) {
    if (!later && !tables.containsKey(key(table))) {
      into.add(new Problem(line, "table " + table + " is not created in this file"));
    }
  }

  private void name(String name, String what, int line) {
    identifier(name, what, line);
    if (name != null && !names.add(key(name))) {
      problems.add(new Problem(line, what + " name " + name + " is used twice"));
    }
  }

  private void identifier(String name, String what, int line) {
    if (name == null) {
      return;
    }
    boolean quoted = name.startsWith("\"") || name.startsWith("`");
    String bare = quoted ? name.substring(1, name.length() - 1) : name;
    if (bare.length() > SqlNames.MAX_LENGTH) {
      problems.add(new Problem(line, what + " name " + name + " has " + bare.length() + " characters; PostgreSQL keeps "
          + SqlNames.MAX_LENGTH + " and MySQL 64"));
    }
    if (!quoted && SqlNames.isReserved(bare)) {
      problems.add(new Problem(line, what + " name " + name + " is a reserved word in PostgreSQL or MySQL"));
    }
  }

  /** Unquoted names compare without case; the prefix length of a MySQL index column is dropped. */
  private static String key(String name) {
    String bare = ARGUMENTS.matcher(name).replaceAll("").strip();
    if (bare.startsWith("\"") || bare.startsWith("`")) {
      return bare.substring(1, bare.length() - 1);
    }
    return bare.toLowerCase(Locale.ROOT);
  }
}
