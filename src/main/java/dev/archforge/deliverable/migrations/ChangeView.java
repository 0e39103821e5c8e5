package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.ChangeCode;
import dev.archforge.facts.schema.Evolution;
import dev.archforge.facts.schema.SchemaChange;
import java.util.List;

/**
 * What a V2+ migration's template prints: a header, the block of changes made with consent, and
 * each change with its code and statements (already SQL, made safe by the dialect).
 *
 * @param file the migration's file name
 * @param expands whether the migration holds expand/contract steps of a rename
 * @param retypes whether the migration holds expand/contract steps of a type change
 * @param renamesTables whether the migration holds expand/contract steps of a table rename
 * @param consented the changes that needed {@code --allow-destructive}, each as comment lines
 * @param changes every change in the order it runs
 */
public record ChangeView(String file, String service, String schema, String database, String project,
    boolean expands, boolean retypes, List<Consented> consented, List<Change> changes, boolean renamesTables) {

  public ChangeView {
    consented = List.copyOf(consented);
    changes = List.copyOf(changes);
  }

  /** A change that needed consent: its code, what the code means, its statements. */
  public record Consented(String code, String title, List<String> lines) {
    public Consented {
      lines = List.copyOf(lines);
    }
  }

  /**
   * A change and its statements; {@code marker}, when not empty, is why they may lose data (the consent
   * code), written above each as review's {@code archforge:disable-next=migration/destructive}.
   */
  public record Change(String code, String title, String subject, List<String> statements, String marker) {
    public Change {
      statements = List.copyOf(statements);
    }
  }

  static ChangeView of(Evolution e, String project) {
    String file = e.file().substring(e.file().lastIndexOf('/') + 1);
    List<Consented> consented = e.needingConsent().stream().map(c -> new Consented(c.code().name(), c.code().title(),
        c.statement().lines().toList())).toList();
    List<Change> changes = e.changes().stream().map(ChangeView::change).toList();
    boolean expands = e.changes().stream().anyMatch(c -> c.code() == ChangeCode.EC101 || c.code() == ChangeCode.EC102);
    boolean retypes = e.changes().stream().anyMatch(c -> c.code() == ChangeCode.EC103 || c.code() == ChangeCode.EC104);
    boolean renamesTables = e.changes().stream().anyMatch(c -> c.code() == ChangeCode.EC105 || c.code() == ChangeCode.EC106);
    return new ChangeView(file, e.service(), e.desired().name(), e.desired().dialect().title(), project, expands,
        retypes, consented, changes, renamesTables);
  }

  private static Change change(SchemaChange c) {
    String marker = c.code().needsConsent() ? "consented: " + c.code().name()
        : c.code() == ChangeCode.EC102 ? "contract of an earlier expand: EC102"
        : c.code() == ChangeCode.SC110 ? "a generated column, computed again: SC110" : "";
    return new Change(c.code().name(), c.code().title(), c.subject(), c.statements(), marker);
  }
}
