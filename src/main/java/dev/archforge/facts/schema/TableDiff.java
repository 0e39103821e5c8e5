package dev.archforge.facts.schema;

import dev.archforge.facts.schema.Phases.Phase;
import dev.archforge.facts.schema.Snapshot.Expansion;
import dev.archforge.facts.schema.Table.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The changes of one table that both the snapshot and the requirements have: its name, its
 * columns (renamed, expanded, contracted, added, altered, dropped), then its keys and comment
 * ({@link ConstraintDiff}).
 */
final class TableDiff {
  record Result(Table table, List<Expansion> expansions) {}

  private final SchemaDiff diff;
  private final Table b;
  private final Table d;
  private final List<Expansion> earlier;
  /** New column name → the old column it continues (renamed or expanded). */
  final Map<String, String> formerColumn = new HashMap<>();
  /** Columns this migration adds empty (neither renamed nor filled from another). */
  final Set<String> fresh = new HashSet<>();
  /** Old columns kept beside the new one of an expand step. */
  final Set<String> keptOld = new HashSet<>();
  private final Set<String> relaxed = new HashSet<>();
  private final List<Expansion> expansions = new ArrayList<>();

  TableDiff(SchemaDiff diff, Table before, Table desired, List<Expansion> earlier) {
    Retypes.Pair retyped = Retypes.run(diff, before, desired, earlier);
    this.diff = diff;
    this.b = retyped.before();
    this.d = retyped.desired();
    this.earlier = earlier.stream().filter(e -> !e.retype() && !e.view() && e.table().equals(before.name())).toList();
    expansions.addAll(retyped.expansions());
  }

  Result run() {
    if (!b.name().equals(d.name())) {
      diff.renameTable(b, d).ifPresent(expansions::add);
    }
    Set<String> handled = new HashSet<>();
    for (Column c : d.columns()) {
      Optional<Column> same = b.column(c.name());
      Optional<Expansion> expansion = earlier.stream().filter(e -> e.to().equals(c.name())).findFirst()
          .filter(e -> b.column(e.from()).isPresent());
      if (same.isPresent() && expansion.isPresent()) {
        handled.add(c.name());
        handled.add(expansion.get().from());
        if (stillRenamed(c)) {
          keep(expansion.get().from(), c);
          alter(same.get(), relaxed(c));
        } else {
          contract(expansion.get().from(), same.get(), c);
        }
      } else if (same.isPresent()) {
        handled.add(c.name());
        alter(same.get(), c);
      } else {
        Optional<Column> former = former(c);
        if (former.isPresent()) {
          handled.add(former.get().name());
          rename(former.get(), c);
        } else {
          add(c);
        }
      }
    }
    List<Column> old = new ArrayList<>(b.columns());
    java.util.Collections.reverse(old); // generated helpers go before the columns they read
    old.stream().filter(c -> !handled.contains(c.name()) && !keptOld.contains(c.name())).forEach(this::drop);
    ConstraintDiff.Carried carried = new ConstraintDiff(diff, b, d, this).run();
    if (!b.comment().equals(d.comment())) {
      diff.phases.add(Phase.COMMENTS, ChangeCode.SC109, d.name(), diff.ddl.tableComment(d.name(), d.comment()));
    }
    return new Result(after(carried), expansions);
  }

  private boolean stillRenamed(Column c) {
    return formerSource(c).isPresent();
  }

  /** The former name of the field or relation a column stores, if the requirements say it was renamed. */
  private Optional<String> formerSource(Column c) {
    return switch (c.role()) {
      case FIELD -> diff.renames.formerField(d.entity(), c.source());
      case REFERENCE -> d.isJoinTable() ? Optional.empty() : diff.renames.formerRelation(d.entity(), c.source());
      default -> Optional.empty();
    };
  }

  /** The old column a renamed field's or relation's column continues: the same role, the former name. */
  private Optional<Column> former(Column c) {
    return formerSource(c).flatMap(f -> b.columns().stream()
        .filter(o -> o.role() == c.role() && f.equals(o.source()) && d.column(o.name()).isEmpty()).findFirst());
  }

  private void keep(String from, Column to) {
    keptOld.add(from);
    relaxed.add(to.name());
    formerColumn.put(to.name(), from);
    expansions.add(new Expansion(d.name(), from, to.name()));
  }

  private void rename(Column old, Column c) {
    formerColumn.put(c.name(), old.name());
    String subject = d.name() + "." + old.name() + " to " + c.name();
    if (diff.expandContract && old.generated() == null) {
      List<String> statements = new ArrayList<>(diff.ddl.addColumn(d.name(), relaxed(c)));
      statements.add(diff.ddl.copy(d.name(), old.name(), c.name()));
      diff.phases.add(Phase.COLUMNS, ChangeCode.EC101, subject, statements);
      keep(old.name(), c);
    } else {
      diff.phases.add(Phase.RENAME_COLUMNS, ChangeCode.BC101, subject, diff.ddl.renameColumn(d.name(), old.name(), c.name()));
      alter(named(old, c.name()), c);
    }
  }

  private void contract(String from, Column current, Column c) {
    formerColumn.put(c.name(), from);
    List<String> statements = new ArrayList<>(List.of(diff.ddl.copy(d.name(), from, c.name())));
    statements.addAll(diff.ddl.alterColumn(d.name(), current, c));
    statements.add(diff.ddl.dropColumn(d.name(), from));
    diff.phases.add(Phase.DROP_COLUMNS, ChangeCode.EC102, d.name() + "." + from, statements);
  }

  private void add(Column c) {
    fresh.add(c.name());
    boolean mayFail = c.notNull() && c.defaultValue() == null && c.identity() == null && c.generated() == null;
    diff.phases.add(Phase.COLUMNS, mayFail ? ChangeCode.MF103 : ChangeCode.SC102, d.name() + "." + c.name(),
        diff.ddl.addColumn(d.name(), c));
  }

  private void drop(Column old) {
    diff.phases.add(Phase.DROP_COLUMNS, old.generated() != null ? ChangeCode.SC110 : ChangeCode.DS102,
        b.name() + "." + old.name(), diff.ddl.dropColumn(d.name(), old.name()));
  }

  /** Brings {@code old} (already carrying the new name) to {@code c}. */
  private void alter(Column old, Column c) {
    if (old.equals(c)) {
      return;
    }
    String subject = d.name() + "." + c.name();
    if (old.generated() != null || c.generated() != null) {
      if (!old.type().equals(c.type()) || !java.util.Objects.equals(old.generated(), c.generated())) {
        List<String> statements = new ArrayList<>(List.of(diff.ddl.dropColumn(d.name(), c.name())));
        statements.addAll(diff.ddl.addColumn(d.name(), c));
        diff.phases.add(Phase.COLUMNS, ChangeCode.SC110, subject, statements);
      }
      return;
    }
    List<String> statements = new ArrayList<>();
    boolean tighten = !old.notNull() && c.notNull();
    if (tighten && c.defaultValue() != null) {
      statements.add(diff.ddl.fill(d.name(), c.name(), c.defaultValue()));
    }
    statements.addAll(diff.ddl.alterColumn(d.name(), old, c));
    diff.phases.add(Phase.COLUMNS, code(old, c, tighten), subject, statements);
  }

  private static ChangeCode code(Column old, Column c, boolean tighten) {
    if (!old.type().equals(c.type())) {
      if (!TypeWidening.widens(old.type(), c.type())) {
        return ChangeCode.DS103;
      }
    }
    if (tighten) {
      return c.defaultValue() == null ? ChangeCode.MF101 : ChangeCode.SC108;
    }
    if (!old.type().equals(c.type())) {
      return ChangeCode.SC103;
    }
    if (old.notNull() != c.notNull()) {
      return ChangeCode.SC104;
    }
    return java.util.Objects.equals(old.defaultValue(), c.defaultValue()) ? ChangeCode.SC109 : ChangeCode.SC105;
  }

  private Column relaxed(Column c) {
    return new Column(c.name(), c.type(), c.generated(), false, c.defaultValue(), c.identity(), c.comment(), c.role(),
        c.source());
  }

  private static Column named(Column c, String name) {
    return new Column(name, c.type(), c.generated(), c.notNull(), c.defaultValue(), c.identity(), c.comment(), c.role(),
        c.source());
  }

  /** The table as this migration leaves it: the new one, with the old columns of pending expansions. */
  private Table after(ConstraintDiff.Carried carried) {
    List<Column> columns = new ArrayList<>(d.columns().stream().map(c -> relaxed.contains(c.name()) ? relaxed(c) : c)
        .toList());
    b.columns().stream().filter(c -> keptOld.contains(c.name())).forEach(columns::add);
    return new Table(d.name(), d.entity(), d.relation(), d.comment(), columns, d.primaryKey(),
        concat(d.uniques(), carried.uniques()), concat(d.checks(), carried.checks()),
        concat(d.indexes(), carried.indexes()), concat(d.foreignKeys(), carried.foreignKeys()), d.tenant());
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
