package dev.archforge.pipeline;

import dev.archforge.deliverable.migrations.DataModels;
import dev.archforge.deliverable.migrations.ModelChange;
import dev.archforge.facts.schema.Evolution;
import dev.archforge.facts.schema.SchemaChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The consent that migrations which destroy data or may fail on it need (SQL's, and the changes
 * of a Cassandra or DynamoDB model): without
 * {@code --allow-destructive} such a run stops (exit 4) before anything is written, naming each
 * change with its code; and the run's report of its new migrations.
 */
final class MigrationGate {
  private MigrationGate() {}

  static void check(Planned planned, GenerateRequest request) {
    List<String> listed = new ArrayList<>();
    for (Evolution e : evolutions(planned)) {
      for (SchemaChange c : e.needingConsent()) {
        listed.add("  " + e.file() + ": " + c.code() + " " + c.code().title() + " (" + c.subject() + "): "
            + String.join(" ", c.statement().lines().map(String::strip).toList()));
      }
    }
    boolean sql = !listed.isEmpty();
    Set<String> models = new TreeSet<>();
    for (DataModels.Written w : DataModels.of(planned.facts()).written()) {
      for (ModelChange c : w.changes().stream().filter(ModelChange::destructive).toList()) {
        models.add(c.code().name().startsWith("CQL") ? "cassandra" : "dynamodb");
        listed.add("  " + w.path() + ": " + c.code() + " " + c.code().title() + " (" + c.subject() + "): "
            + String.join(" ", c.statement().lines().map(String::strip).toList()));
      }
    }
    if (listed.isEmpty() || request.allowDestructive()) {
      return;
    }
    List<String> messages = new ArrayList<>(List.of("the requirements change the database in ways that destroy data"
        + " or may fail on the data already there; nothing was written:"));
    messages.addAll(listed);
    messages.add(advice(sql, models.contains("cassandra"), models.contains("dynamodb")));
    throw new ArchforgeException(ExitCode.NEEDS_PERSON, messages);
  }

  /** What to do next, for the kinds of change listed: SQL's, a Cassandra model's, a DynamoDB design's. */
  static String advice(boolean sql, boolean cassandra, boolean dynamodb) {
    List<String> written = new ArrayList<>();
    if (sql) {
      written.add("the SQL migration lists these changes in its header");
    }
    if (cassandra) {
      written.add("the CQL migration marks each with archforge:disable-next and says how to backfill a recreated"
          + " table");
    }
    if (dynamodb) {
      written.add("the DynamoDB design's changelog records each with the job it needs (a new table and a copy of"
          + " every item for a key change, a clean-up for removed items)");
    }
    StringBuilder advice = new StringBuilder("To go ahead, run again with --allow-destructive: ")
        .append(String.join("; ", written)).append(". To keep the data instead, restore what was removed");
    if (sql) {
      advice.append(", or give a renamed field or entity 'renamedFrom: <old name>'. An EC104 contract of a type"
          + " change waits for this consent until no version that writes only the old column runs any more");
    }
    if (cassandra || dynamodb) {
      advice.append(". ").append(cassandra && dynamodb ? "Cassandra and DynamoDB models do"
          : cassandra ? "A Cassandra model does" : "A DynamoDB design does").append(" not follow renamedFrom: there"
          + " a rename is a removal and an addition, so put back the old name, key or type to keep the data");
    }
    return advice.append(". db/README.md explains each code.").toString();
  }

  static List<MigrationReport> report(Planned planned) {
    List<MigrationReport> reports = new ArrayList<>(evolutions(planned).stream().filter(e -> e.file() != null)
        .map(e -> new MigrationReport(e.service(), e.file(), e.changes().stream()
            .map(c -> new MigrationReport.Change(c.code().name(), c.statement(), c.destructive())).toList()))
        .toList());
    DataModels.of(planned.facts()).written().forEach(w -> reports.add(new MigrationReport(w.service(), w.path(),
        w.changes().stream().map(c -> new MigrationReport.Change(c.code().name(), c.statement(), c.destructive()))
            .toList())));
    return reports;
  }

  private static List<Evolution> evolutions(Planned planned) {
    return planned.facts().schemas().evolutions().all();
  }
}
