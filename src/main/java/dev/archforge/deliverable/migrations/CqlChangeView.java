package dev.archforge.deliverable.migrations;

import java.util.List;

/**
 * What a Cassandra migration after schema.cql prints: a header, the block of changes made with
 * consent, and each change with its code, statements and what a person does besides (a backfill).
 *
 * @param file the file's name
 * @param consented the changes that needed {@code --allow-destructive}, each as {@code CODE title: statement}
 */
public record CqlChangeView(String file, String service, String keyspace, String project, List<String> consented,
    List<Change> changes) {
  public CqlChangeView {
    consented = List.copyOf(consented);
    changes = List.copyOf(changes);
  }

  /** A change; {@code marker}, when not empty, is its consent code, written above each statement for review. */
  public record Change(String code, String title, String subject, List<String> statements, String marker, String note) {
    public Change {
      statements = List.copyOf(statements);
    }
  }

  static CqlChangeView of(CqlEvolution e, String project) {
    List<String> consented = e.changes().stream().filter(ModelChange::destructive)
        .map(c -> c.code() + " " + c.code().title() + ": " + c.subject()).toList();
    List<Change> changes = e.changes().stream().map(c -> new Change(c.code().name(), c.code().title(), c.subject(),
        c.statements(), c.destructive() ? "consented: " + c.code().name() : "", c.note())).toList();
    return new CqlChangeView(e.file().substring(e.file().lastIndexOf('/') + 1), e.service(), e.desired().keyspace(),
        project, consented, changes);
  }
}
