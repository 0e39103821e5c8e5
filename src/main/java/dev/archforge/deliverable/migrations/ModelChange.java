package dev.archforge.deliverable.migrations;

import java.util.List;

/**
 * One change of a later run to a Cassandra or DynamoDB model: its code, what it changes, and its
 * CQL statements (for DynamoDB, what to do, a line each).
 *
 * @param subject e.g. {@code book_by_id.isbn} or {@code GSI3}
 * @param note what a person does besides running the statements (a backfill), or empty
 */
public record ModelChange(ModelChangeCode code, String subject, List<String> statements, String note) {
  public ModelChange {
    statements = List.copyOf(statements);
  }

  public ModelChange(ModelChangeCode code, String subject, String statement) {
    this(code, subject, List.of(statement), "");
  }

  public boolean destructive() {
    return code.needsConsent();
  }

  /** The statements as one text, a statement a line. */
  public String statement() {
    return String.join("\n", statements);
  }
}
