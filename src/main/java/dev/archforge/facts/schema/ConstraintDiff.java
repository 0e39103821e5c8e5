package dev.archforge.facts.schema;

import dev.archforge.facts.schema.Phases.Phase;
import dev.archforge.facts.schema.Table.Check;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.ForeignKey;
import dev.archforge.facts.schema.Table.Index;
import dev.archforge.facts.schema.Table.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The keys, checks and indexes of a table that stays: those that differ are dropped and added
 * under their new definition; those on an old column an expand step keeps stay with it. A new
 * UNIQUE, CHECK or FOREIGN KEY over data already there needs consent unless an old one held the
 * same (or more) on the same column, or the column is new and empty.
 */
final class ConstraintDiff {
  /** What stays on the old columns of pending expansions. */
  record Carried(List<Unique> uniques, List<Check> checks, List<Index> indexes, List<ForeignKey> foreignKeys) {}

  private final SchemaDiff diff;
  private final Table b;
  private final Table d;
  private final TableDiff columns;
  private final Carried carried = new Carried(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

  ConstraintDiff(SchemaDiff diff, Table before, Table desired, TableDiff columns) {
    this.diff = diff;
    this.b = before;
    this.d = desired;
    this.columns = columns;
  }

  Carried run() {
    uniques();
    checks();
    indexes();
    foreignKeys();
    return carried;
  }

  private void uniques() {
    List<Unique> renamed = new ArrayList<>();
    for (Unique u : b.uniques()) {
      Optional<Unique> same = d.uniques().stream().filter(x -> x.equals(u)).findFirst();
      Optional<Unique> moved = moved(u, b.uniques(), d.uniques(), Unique::columns,
          x -> new Unique(x.name(), mapped(u.columns()), u.where()));
      if (same.isEmpty() && onKept(u.columns())) {
        carried.uniques().add(u);
      } else if (same.isEmpty() && moved.isPresent()) {
        renamed.add(moved.get());
        add(Phase.ADD_CONSTRAINTS, moved.get().name(), ChangeCode.SC112,
            diff.ddl.renameUnique(d.name(), u, moved.get().name()));
      } else if (same.isEmpty()) {
        drop(Phase.DROP_CONSTRAINTS, u.name(), diff.ddl.dropUnique(b.name(), u));
      }
    }
    for (Unique u : d.uniques()) {
      if (!b.uniques().contains(u) && !renamed.contains(u)) {
        boolean held = b.uniques().stream().anyMatch(o -> mapped(o.columns()).equals(u.columns())
            && Objects.equals(o.where() == null, u.where() == null));
        add(Phase.ADD_CONSTRAINTS, u.name(), held || fresh(u.columns()) ? ChangeCode.SC106 : ChangeCode.MF102,
            diff.ddl.addUnique(d.name(), u));
      }
    }
  }

  private void checks() {
    for (Check k : b.checks()) {
      if (!d.checks().contains(k) && onKept(List.of(k.column()))) {
        carried.checks().add(k);
      } else if (!d.checks().contains(k)) {
        drop(Phase.DROP_CONSTRAINTS, k.name(), diff.ddl.dropCheck(b.name(), k));
      }
    }
    for (Check k : d.checks()) {
      if (!b.checks().contains(k)) {
        String old = columns.formerColumn.getOrDefault(k.column(), k.column());
        List<Check> before = b.checks().stream().filter(o -> o.column().equals(old))
            .map(o -> new Check(o.name(), k.column(), o.expression().replaceAll("\\b" + old + "\\b", k.column())))
            .toList();
        String oldType = b.column(old).map(Column::type).orElse("");
        boolean holds = fresh(List.of(k.column())) || CheckRelaxation.implied(k, before, oldType);
        add(Phase.ADD_CONSTRAINTS, k.name(), holds ? ChangeCode.SC106 : ChangeCode.MF104, diff.ddl.addCheck(d.name(), k));
      }
    }
  }

  private void indexes() {
    List<Index> renamed = new ArrayList<>();
    for (Index i : b.indexes()) {
      Optional<Index> moved = moved(i, b.indexes(), d.indexes(), Index::columns,
          x -> new Index(x.name(), mapped(i.columns()), i.where(), i.purpose()));
      if (!d.indexes().contains(i) && onKept(i.columns())) {
        carried.indexes().add(i);
      } else if (!d.indexes().contains(i) && moved.isPresent()) {
        renamed.add(moved.get());
        add(Phase.ADD_CONSTRAINTS, moved.get().name(), ChangeCode.SC112,
            diff.ddl.renameIndex(d.name(), i.name(), moved.get().name()));
      } else if (!d.indexes().contains(i)) {
        drop(Phase.DROP_CONSTRAINTS, i.name(), diff.ddl.dropIndex(b.name(), i));
      }
    }
    for (Index i : d.indexes()) {
      if (!b.indexes().contains(i) && !renamed.contains(i)) {
        add(Phase.ADD_CONSTRAINTS, i.name(), ChangeCode.SC106, diff.ddl.addIndex(d.name(), i));
      }
    }
  }

  private void foreignKeys() {
    List<ForeignKey> before = b.foreignKeys().stream()
        .map(f -> new ForeignKey(f.name(), f.column(), diff.renamed(f.table()), f.onDelete())).toList();
    List<ForeignKey> renamed = new ArrayList<>();
    for (int n = 0; n < before.size(); n++) {
      ForeignKey f = before.get(n);
      Optional<ForeignKey> moved = moved(f, before, d.foreignKeys(), k -> List.of(k.column()),
          x -> new ForeignKey(x.name(), mapped(List.of(f.column())).get(0), f.table(), f.onDelete()));
      Optional<String> rename = moved.flatMap(x -> diff.ddl.renameForeignKey(d.name(), f, x.name()));
      if (!d.foreignKeys().contains(f) && onKept(List.of(f.column()))) {
        carried.foreignKeys().add(f);
      } else if (!d.foreignKeys().contains(f) && rename.isPresent()) {
        renamed.add(moved.get());
        add(Phase.ADD_CONSTRAINTS, moved.get().name(), ChangeCode.SC112, rename.get());
      } else if (!d.foreignKeys().contains(f)) {
        drop(Phase.DROP_FOREIGN_KEYS, f.name(), diff.ddl.dropForeignKey(b.name(), b.foreignKeys().get(n)));
      }
    }
    for (ForeignKey f : d.foreignKeys()) {
      if (!before.contains(f) && !renamed.contains(f)) {
        boolean held = before.stream().anyMatch(o -> mapped(List.of(o.column())).equals(List.of(f.column()))
            && o.table().equals(f.table()));
        add(Phase.ADD_FOREIGN_KEYS, f.name(), held || fresh(List.of(f.column())) ? ChangeCode.SC106 : ChangeCode.MF104,
            diff.ddl.addForeignKey(d.name(), f));
      }
    }
  }

  /**
   * What {@code old} becomes under a new name: the new entry that is {@code old} on its columns as
   * they are now called ({@code as} gives {@code old} so for a candidate), unless another old entry
   * is already on those very columns and so continues it.
   */
  private static <T> Optional<T> moved(T old, List<T> before, List<T> desired, Function<T, List<String>> columns,
      Function<T, T> as) {
    return desired.stream().filter(x -> !before.contains(x) && x.equals(as.apply(x))
        && before.stream().noneMatch(o -> !o.equals(old) && columns.apply(o).equals(columns.apply(x)))).findFirst();
  }

  private boolean onKept(List<String> names) {
    return names.stream().anyMatch(columns.keptOld::contains);
  }

  private boolean fresh(List<String> names) {
    return columns.fresh.containsAll(names.stream().filter(n -> !isHelperOf(n)).toList());
  }

  /** A generated helper column (live-row marker, hash) is as fresh as the table's new rows are. */
  private boolean isHelperOf(String name) {
    return d.column(name).map(c -> c.generated() != null).orElse(false);
  }

  /** Old column names as they are called after this migration. */
  private List<String> mapped(List<String> names) {
    return names.stream().map(n -> columns.formerColumn.entrySet().stream().filter(e -> e.getValue().equals(n))
        .map(java.util.Map.Entry::getKey).findFirst().orElse(n)).toList();
  }

  private void drop(Phase phase, String name, String statement) {
    diff.phases.add(phase, ChangeCode.SC107, b.name() + "." + name, statement);
  }

  private void add(Phase phase, String name, ChangeCode code, String statement) {
    diff.phases.add(phase, code, d.name() + "." + name, statement);
  }
}
