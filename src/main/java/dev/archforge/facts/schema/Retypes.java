package dev.archforge.facts.schema;

import dev.archforge.facts.schema.Phases.Phase;
import dev.archforge.facts.schema.Snapshot.Expansion;
import dev.archforge.facts.schema.Table.Check;
import dev.archforge.facts.schema.Table.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A column type change as expand/contract (availability of 99.9 % or more), for a type the
 * running version cannot keep writing in place (anything but a widening, {@link TypeWidening}).
 * The expand step adds {@code <column>__next} (see {@link #nextName}) with the new type beside the
 * old column, nullable, and fills it with the cast value (EC103); the old column, its type and its
 * keys stay as they were, so the version still running keeps writing it while the new version
 * writes both. The run after the expand writes the contract (EC104, which needs
 * {@code --allow-destructive}, the person's word that no old version runs any more): fill what the
 * old version wrote meanwhile, drop the old column with its keys, rename the new one into place;
 * the table's keys on it are then added as a fresh generation has them. A change that makes a
 * column hold a hash or ciphertext ({@link FieldProtection#protects}) goes this way at any
 * availability, with no cast: the application fills the new column (MF105), and the contract
 * first checks that it did.
 */
final class Retypes {
  private static final String SUFFIX = "__next";

  /** The two tables the rest of the diff compares once the retype steps of this table are taken out. */
  record Pair(Table before, Table desired, List<Expansion> expansions) {}

  private Retypes() {}

  /**
   * The new column's temporary name: the column's name and {@code __next}, shortened like every
   * name ({@link SqlNames#shorten}). snake_case of a field never holds two underscores in a row, so
   * it is never a field's column.
   */
  static String nextName(String column) {
    return SqlNames.shorten(column + SUFFIX);
  }

  static Pair run(SchemaDiff diff, Table b, Table d, List<Expansion> earlier) {
    Table before = b;
    for (Expansion e : earlier) {
      if (e.retype() && e.table().equals(b.name()) && b.column(e.from()).isPresent() && b.column(e.to()).isPresent()) {
        before = contract(diff, before, d.name(), e);
      }
    }
    Table desired = d;
    List<Expansion> expansions = new ArrayList<>();
    for (Column c : d.columns()) {
      Table current = before;
      Optional<Column> old = current.column(c.name()).filter(o -> expands(current, o, c));
      boolean protecting = old.isPresent() && FieldProtection.protects(old.get(), c);
      if (old.isPresent() && (diff.expandContract || protecting)) {
        Column next = next(c);
        String subject = d.name() + "." + c.name() + " to " + c.type();
        if (protecting) {
          diff.phases.add(Phase.COLUMNS, ChangeCode.MF105, subject, diff.ddl.addColumn(d.name(), next));
          desired = nullableUntilFilled(desired, before, FieldProtection.blindIndexOf(c.name()));
        } else {
          diff.phases.add(Phase.COLUMNS, ChangeCode.EC103, subject, concat(diff.ddl.addColumn(d.name(), next),
              List.of(diff.ddl.castCopy(d.name(), c.name(), next.name(), c.type()))));
        }
        before = withColumns(before, concat(before.columns(), List.of(next)));
        desired = keepOld(desired, old.get(), next, before);
        expansions.add(new Expansion(d.name(), c.name(), next.name(), true));
      }
    }
    return new Pair(before, desired, expansions);
  }

  private static boolean expands(Table before, Column old, Column c) {
    return c.role() == Table.Role.FIELD && old.role() == Table.Role.FIELD && old.generated() == null
        && c.generated() == null && old.identity() == null && !old.type().equals(c.type())
        && !TypeWidening.widens(old.type(), c.type()) && before.column(nextName(c.name())).isEmpty()
        && before.columns().stream().noneMatch(o -> o.generated() != null && o.generated().contains(old.name()));
  }

  /** The contract of an earlier expand: the old column goes, the new one takes its name. */
  private static Table contract(SchemaDiff diff, Table b, String table, Expansion e) {
    Column old = b.column(e.from()).orElseThrow();
    Column next = b.column(e.to()).orElseThrow();
    Predicate<List<String>> onOld = columns -> columns.contains(old.name());
    List<String> statements = new ArrayList<>();
    b.foreignKeys().stream().filter(f -> f.column().equals(old.name()))
        .forEach(f -> statements.add(diff.ddl.dropForeignKey(table, f)));
    b.uniques().stream().filter(u -> onOld.test(u.columns())).forEach(u -> statements.add(diff.ddl.dropUnique(table, u)));
    b.checks().stream().filter(k -> k.column().equals(old.name())).forEach(k -> statements.add(diff.ddl.dropCheck(table, k)));
    b.indexes().stream().filter(i -> onOld.test(i.columns())).forEach(i -> statements.add(diff.ddl.dropIndex(table, i)));
    if (FieldProtection.protects(old, next)) {
      Check filled = new Check(SqlNames.constraint("ck", table, List.of(next.name(), "filled")), next.name(),
          old.name() + " IS NULL OR " + next.name() + " IS NOT NULL");
      statements.add(diff.ddl.addCheck(table, filled));
      statements.add(diff.ddl.dropCheck(table, filled));
    } else {
      statements.add(diff.ddl.castCopy(table, old.name(), next.name(), next.type()));
    }
    statements.add(diff.ddl.dropColumn(table, old.name()));
    statements.add(diff.ddl.renameColumn(table, next.name(), old.name()));
    diff.phases.add(Phase.RENAME_COLUMNS, ChangeCode.EC104, table + "." + old.name(), statements);
    Column renamed = new Column(old.name(), next.type(), null, next.notNull(), next.defaultValue(), null, next.comment(),
        old.role(), old.source());
    List<Column> columns = new ArrayList<>();
    for (Column c : b.columns()) {
      if (c.name().equals(old.name())) {
        columns.add(renamed);
      } else if (!c.name().equals(next.name())) {
        columns.add(c);
      }
    }
    return new Table(b.name(), b.entity(), b.relation(), b.comment(), columns, b.primaryKey(),
        b.uniques().stream().filter(u -> !onOld.test(u.columns())).toList(),
        b.checks().stream().filter(k -> !k.column().equals(old.name())).toList(),
        b.indexes().stream().filter(i -> !onOld.test(i.columns())).toList(),
        b.foreignKeys().stream().filter(f -> !f.column().equals(old.name())).toList(), b.tenant());
  }

  /** The new column of an expand: the new type, nullable and without a default (which would hide the rows to fill) until the contract. */
  private static Column next(Column c) {
    return new Column(nextName(c.name()), c.type(), null, false, null, null, c.comment(), c.role(),
        c.source());
  }

  /** The desired table of the expand step: the old column as it was, with its keys, and the new one beside it. */
  private static Table keepOld(Table d, Column old, Column next, Table before) {
    List<Column> columns = new ArrayList<>(d.columns().stream().map(c -> c.name().equals(old.name()) ? old : c).toList());
    columns.add(next);
    String name = old.name();
    Predicate<List<String>> on = cs -> cs.contains(name);
    return new Table(d.name(), d.entity(), d.relation(), d.comment(), columns, d.primaryKey(),
        concat(d.uniques().stream().filter(u -> !on.test(u.columns())).toList(),
            before.uniques().stream().filter(u -> on.test(u.columns())).toList()),
        concat(d.checks().stream().filter(k -> !k.column().equals(name)).toList(),
            before.checks().stream().filter(k -> k.column().equals(name)).toList()),
        concat(d.indexes().stream().filter(i -> !on.test(i.columns())).toList(),
            before.indexes().stream().filter(i -> on.test(i.columns())).toList()),
        concat(d.foreignKeys().stream().filter(f -> !f.column().equals(name)).toList(),
            before.foreignKeys().stream().filter(f -> f.column().equals(name)).toList()), d.tenant());
  }

  /**
   * The desired table with a new helper column (a blind index the application fills with the
   * ciphertext) nullable for now; a later run sets NOT NULL once the rows are filled (MF101).
   */
  private static Table nullableUntilFilled(Table d, Table before, String helper) {
    if (before.column(helper).isPresent()) {
      return d;
    }
    return withColumns(d, d.columns().stream().map(c -> c.name().equals(helper) ? new Column(c.name(), c.type(),
        c.generated(), false, c.defaultValue(), c.identity(), c.comment(), c.role(), c.source()) : c).toList());
  }

  private static Table withColumns(Table t, List<Column> columns) {
    return new Table(t.name(), t.entity(), t.relation(), t.comment(), columns, t.primaryKey(), t.uniques(),
        t.checks(), t.indexes(), t.foreignKeys(), t.tenant());
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
