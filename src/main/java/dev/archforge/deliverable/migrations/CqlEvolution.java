package dev.archforge.deliverable.migrations;

import dev.archforge.deliverable.migrations.CqlTables.Column;
import dev.archforge.deliverable.migrations.CqlTables.Table;
import dev.archforge.facts.schema.Evolutions;
import dev.archforge.render.RenderException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one service's Cassandra model goes on from what earlier runs wrote: {@code schema.cql} and the
 * {@code migrations/V<n>__<what>.cql} already there, carried byte for byte, and the next file when the
 * requirements changed the tables: the difference between the model the last run recorded
 * ({@code .archforge/schema/<service>.cql.json}) and the one the requirements now describe.
 *
 * @param existing the files on disk, by path relative to the agent folder
 * @param file the next file's path, or null when nothing changed (or on the first run, which writes schema.cql)
 * @param changes the next file's changes in order
 * @param desired the model the requirements describe, recorded for the next run
 * @param recorded whether an earlier run recorded its model (else this run writes schema.cql)
 */
public record CqlEvolution(String service, SortedMap<String, String> existing, String file, List<ModelChange> changes,
    CqlModel desired, boolean recorded) {
  private static final Pattern VERSION = Pattern.compile("V(\\d+)__[^/]*\\.cql");

  public CqlEvolution {
    changes = List.copyOf(changes);
  }

  /** The keyspace, its replication and tables: what the files so far create. */
  public record CqlModel(String keyspace, String replication, List<Table> tables) {
    public CqlModel {
      tables = List.copyOf(tables);
    }

    Optional<Table> table(String name) {
      return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
  }

  static CqlEvolution of(String service, CqlModel desired, SortedMap<String, String> existing, String snapshot) {
    if (snapshot == null) {
      return new CqlEvolution(service, existing, null, List.of(), desired, false);
    }
    CqlModel before;
    try {
      before = ModelJson.read(snapshot, CqlModel.class);
    } catch (IllegalArgumentException e) {
      throw new RenderException(".archforge/schema/" + service + ".cql.json is not a Cassandra model (" + e.getMessage()
          + "); restore it from version control, or delete it together with db/" + service + " to start over");
    }
    if (!before.keyspace().equals(desired.keyspace())) {
      throw new RenderException("db/" + service + "/schema.cql creates keyspace " + before.keyspace() + ", but the"
          + " requirements now name it " + desired.keyspace() + "; archforge does not move tables between keyspaces:"
          + " restore the project's or service's name, or move db/" + service + " away");
    }
    List<ModelChange> changes = diff(before, desired);
    String file = changes.isEmpty() ? null
        : "db/" + service + "/migrations/V" + (last(existing) + 1) + "__" + slug(changes) + ".cql";
    return new CqlEvolution(service, existing, file, changes, desired, true);
  }

  static List<ModelChange> diff(CqlModel before, CqlModel after) {
    String ks = after.keyspace();
    List<ModelChange> changes = new ArrayList<>();
    if (!before.replication().equals(after.replication())) {
      changes.add(new ModelChange(ModelChangeCode.CQL103, ks, "ALTER KEYSPACE " + ks
          + " WITH replication = {'class': 'NetworkTopologyStrategy', " + after.replication() + "};"));
    }
    for (Table t : after.tables()) {
      Optional<Table> old = before.table(t.name());
      if (old.isEmpty()) {
        changes.add(new ModelChange(ModelChangeCode.CQL101, t.name(), List.of(create(ks, t)), backfill(before, t)));
      } else if (rekeyed(old.get(), t)) {
        String source = source(after, t).filter(s -> !s.equals(t.name())).map(s -> "backfill it from " + s
            + " (a job that reads every row of it and writes this table)").orElse("load the export back (cqlsh: COPY "
            + ks + "." + t.name() + " FROM '" + t.name() + ".csv') when its columns still fit");
        changes.add(new ModelChange(ModelChangeCode.CQL203, t.name(), List.of("DROP TABLE IF EXISTS " + ks + "."
            + t.name() + ";", create(ks, t)), "Cassandra can change neither a primary key nor a column's type. Before"
            + " this file runs, export the rows (cqlsh: COPY " + ks + "." + t.name() + " TO '" + t.name() + ".csv');"
            + " after it, " + source + ", before the service reads the table."));
      } else {
        for (Column c : t.columns()) {
          if (old.get().columns().stream().noneMatch(o -> o.name().equals(c.name()))) {
            changes.add(new ModelChange(ModelChangeCode.CQL102, t.name() + "." + c.name(),
                "ALTER TABLE " + ks + "." + t.name() + " ADD " + c.name() + " " + c.type() + ";"));
          }
        }
        for (Column c : old.get().columns()) {
          if (t.columns().stream().noneMatch(n -> n.name().equals(c.name()))) {
            changes.add(new ModelChange(ModelChangeCode.CQL202, t.name() + "." + c.name(),
                "ALTER TABLE " + ks + "." + t.name() + " DROP " + c.name() + ";"));
          }
        }
      }
    }
    for (Table t : before.tables()) {
      if (after.table(t.name()).isEmpty()) {
        changes.add(new ModelChange(ModelChangeCode.CQL201, t.name(), "DROP TABLE IF EXISTS " + ks + "." + t.name() + ";"));
      }
    }
    return changes;
  }

  /** A changed partition key, clustering or order, or a column that kept its name but not its type. */
  private static boolean rekeyed(Table old, Table now) {
    if (!old.partitionKey().equals(now.partitionKey()) || !old.clustering().equals(now.clustering())
        || !old.order().equals(now.order())) {
      return true;
    }
    return now.columns().stream().anyMatch(c -> old.columns().stream()
        .anyMatch(o -> o.name().equals(c.name()) && !o.type().equals(c.type())));
  }

  /** A new table of an entity the earlier files already hold starts empty: say where its rows come from. */
  private static String backfill(CqlModel before, Table t) {
    return source(before, t).map(s -> "The table starts empty: before the service reads it, a job reads every row of "
        + s + " and writes it here (the service writes both from now on).").orElse("");
  }

  /** The {@code <entity>_by_id} table of the entity a table serves, when the model has it. */
  private static Optional<String> source(CqlModel model, Table t) {
    int by = t.name().lastIndexOf("_by_");
    return by < 0 ? Optional.empty() : model.table(t.name().substring(0, by) + "_by_id").map(Table::name);
  }

  /** The statement that creates a table, as schema.cql writes it. */
  static String create(String keyspace, Table t) {
    StringBuilder cql = new StringBuilder("CREATE TABLE IF NOT EXISTS " + keyspace + "." + t.name() + " (\n");
    t.columns().forEach(c -> cql.append("  ").append(c.name()).append(' ').append(c.type()).append(",\n"));
    cql.append("  PRIMARY KEY ").append(t.primaryKey()).append("\n)");
    if (!t.clustering().isEmpty()) {
      cql.append(" WITH CLUSTERING ORDER BY (").append(t.clusteringOrder()).append(')');
    }
    return cql.append(';').toString();
  }

  private static int last(Map<String, String> existing) {
    int last = 1;
    for (String path : existing.keySet()) {
      Matcher m = VERSION.matcher(path.substring(path.lastIndexOf('/') + 1));
      if (m.matches()) {
        last = Math.max(last, Integer.parseInt(m.group(1)));
      }
    }
    return last;
  }

  /** What the file does, for its name: the first changes (a column by its name alone), in snake_case. */
  private static String slug(List<ModelChange> changes) {
    Set<String> words = new LinkedHashSet<>();
    for (ModelChange c : changes) {
      String verb = switch (c.code()) {
        case CQL101 -> "create";
        case CQL102 -> "add";
        case CQL201, CQL202 -> "drop";
        case CQL203 -> "recreate";
        default -> "alter";
      };
      String subject = c.subject().substring(c.subject().lastIndexOf('.') + 1);
      words.add(verb + "_" + subject.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", ""));
    }
    return Evolutions.slug(words);
  }
}
