package dev.archforge.facts.schema;

import java.util.List;

/**
 * One change of a V2+ migration: its code, what it changes (for the file's name and the messages)
 * and the SQL statements that make it, in order.
 *
 * @param subject e.g. {@code book.isbn} or {@code loan}
 */
public record SchemaChange(ChangeCode code, String subject, List<String> statements) {
  public SchemaChange {
    statements = List.copyOf(statements);
  }

  public SchemaChange(ChangeCode code, String subject, String statement) {
    this(code, subject, List.of(statement));
  }

  public boolean destructive() {
    return code.needsConsent();
  }

  /** The statements as one text, a statement a line. */
  public String statement() {
    return String.join("\n", statements);
  }
}
