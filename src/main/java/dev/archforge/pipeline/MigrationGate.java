package dev.archforge.pipeline;

import dev.archforge.deliverable.migrations.DataModels;
import dev.archforge.deliverable.migrations.ModelChange;
import dev.archforge.facts.schema.Evolution;
import dev.archforge.facts.schema.SchemaChange;
import java.util.ArrayList;
import java.util.List;

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
    for (DataModels.Written w : DataModels.of(planned.facts()).written()) {
      for (ModelChange c : w.changes().stream().filter(ModelChange::destructive).toList()) {
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
    messages.add("To go ahead, run again with --allow-destructive: the migration then lists these changes in its"
        + " header. To keep the data instead, restore what was removed, or give a renamed field or entity"
        + " 'renamedFrom: <old name>'. An EC104 contract of a type change waits for this consent until no version"
        + " that writes only the old column runs any more. db/README.md explains each code.");
    throw new ArchforgeException(ExitCode.NEEDS_PERSON, messages);
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
