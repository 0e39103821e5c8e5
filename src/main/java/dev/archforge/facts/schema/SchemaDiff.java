package dev.archforge.facts.schema;

import dev.archforge.facts.schema.Phases.Phase;
import dev.archforge.facts.schema.Snapshot.Expansion;
import dev.archforge.facts.schema.Table.ForeignKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration from the schema the earlier migrations produce ({@link Snapshot}) to the tables
 * the requirements now describe: tables are matched by the entity (or many-to-many relation) they
 * store, renamed ones by their {@code renamedFrom}, columns by name or their field's
 * {@code renamedFrom}; anything else is created or dropped. With {@code expandContract}, a renamed
 * column is added beside the old one and filled from it (expand), and the old one is dropped only
 * in a later run whose requirements no longer name it (contract); a type change likewise
 * ({@link Retypes}), contracted by the next run, with consent; and a renamed table keeps an
 * updatable view under its old name until a run whose requirements no longer name it.
 */
public final class SchemaDiff {
  /** The changes in the order they run, and the schema after them. */
  public record Result(List<SchemaChange> changes, Snapshot after) {}

  final Ddl ddl;
  final Renames renames;
  final boolean expandContract;
  final Phases phases = new Phases();
  /** The old table name → the new one, for tables that stay. */
  final Map<String, String> tableNames = new HashMap<>();

  private SchemaDiff(Ddl ddl, Renames renames, boolean expandContract) {
    this.ddl = ddl;
    this.renames = renames;
    this.expandContract = expandContract;
  }

  public static Result of(Snapshot before, Schema desired, Renames renames, boolean expandContract) {
    return new SchemaDiff(Ddl.of(desired.dialect()), renames, expandContract).diff(before, desired);
  }

  private Result diff(Snapshot before, Schema desired) {
    Map<String, Table> matched = new LinkedHashMap<>();
    for (Table d : desired.tables()) {
      match(before, d).filter(b -> !matched.containsValue(b)).ifPresent(b -> {
        matched.put(d.name(), b);
        tableNames.put(b.name(), d.name());
      });
    }
    List<Expansion> views = new ArrayList<>();
    for (Expansion v : before.expansions().stream().filter(Expansion::view).toList()) {
      Optional<Table> kept = desired.tables().stream().filter(d -> d.name().equals(v.table())
          && matched.containsKey(d.name()) && matched.get(d.name()).name().equals(d.name())).findFirst();
      if (kept.isPresent() && renames.formerEntity(kept.get().entity()).isPresent()) {
        views.add(v);
      } else {
        phases.add(Phase.DROP_VIEWS, ChangeCode.EC106, v.from(), ddl.dropView(v.from()));
      }
    }
    for (Table b : before.tables()) {
      if (!matched.containsValue(b)) {
        for (ForeignKey f : b.foreignKeys()) {
          phases.add(Phase.DROP_FOREIGN_KEYS, ChangeCode.SC107, b.name() + "." + f.name(), ddl.dropForeignKey(b.name(), f));
        }
        phases.add(Phase.DROP_TABLES, ChangeCode.DS101, b.name(), ddl.dropTable(b.name()));
      }
    }
    List<Table> tables = new ArrayList<>();
    List<Expansion> expansions = new ArrayList<>();
    for (Table d : desired.tables()) {
      Table b = matched.get(d.name());
      if (b == null) {
        create(d);
        tables.add(d);
      } else {
        TableDiff.Result r = new TableDiff(this, b, d, before.expansions()).run();
        tables.add(r.table());
        expansions.addAll(r.expansions());
      }
    }
    if (!phases.isEmpty()) { // a view pins its table's columns: made again over the columns the migration leaves
      for (Expansion v : views) {
        phases.add(Phase.DROP_VIEWS, ChangeCode.SC111, v.from(), ddl.dropView(v.from()));
        phases.add(Phase.CREATE_VIEWS, ChangeCode.SC111, v.from(), ddl.createView(v.from(), v.table()));
      }
    }
    expansions.addAll(views);
    return new Result(phases.all(), new Snapshot(desired.dialect().id(), tables, expansions));
  }

  private void create(Table d) {
    phases.add(Phase.CREATE_TABLES, ChangeCode.SC101, d.name(), ddl.createTable(d));
    for (ForeignKey f : d.foreignKeys()) {
      phases.add(Phase.ADD_FOREIGN_KEYS, ChangeCode.SC106, d.name() + "." + f.name(), ddl.addForeignKey(d.name(), f));
    }
    phases.add(Phase.SECURITY, ChangeCode.SC101, d.name(), ddl.rowLevelSecurity(d));
  }

  /**
   * Renames a table: in place, or with {@code expandContract} also keeping an updatable view under
   * the old name for the version still running, which the returned expansion records.
   */
  Optional<Expansion> renameTable(Table b, Table d) {
    String subject = b.name() + " to " + d.name();
    if (!expandContract) {
      phases.add(Phase.RENAME_TABLES, ChangeCode.BC102, subject, ddl.renameTable(b, d));
      return Optional.empty();
    }
    phases.add(Phase.RENAME_TABLES, ChangeCode.EC105, subject, ddl.renameTable(b, d));
    phases.add(Phase.CREATE_VIEWS, ChangeCode.EC105, b.name(), ddl.createView(b.name(), d.name()));
    return Optional.of(Expansion.view(d.name(), b.name()));
  }

  /** The table of the snapshot that stores what {@code d} stores: the same entity, or the one it was renamed from. */
  private Optional<Table> match(Snapshot before, Table d) {
    List<String> entities = new ArrayList<>(List.of(d.entity()));
    renames.formerEntity(d.entity()).ifPresent(entities::add);
    for (String entity : entities) {
      Optional<Table> found = before.tables().stream().filter(b -> b.isJoinTable() == d.isJoinTable()
          && b.entity().equals(entity) && (!d.isJoinTable() || b.relation().equals(d.relation()))).findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** A table name of the snapshot as it is after this migration. */
  String renamed(String table) {
    return tableNames.getOrDefault(table, table);
  }
}
