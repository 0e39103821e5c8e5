package dev.archforge.pipeline;

import java.util.List;

/**
 * One new migration of a run, as {@code generate --json} reports it.
 *
 * @param path relative to the agent folder
 */
public record MigrationReport(String service, String path, List<Change> changes) {
  public MigrationReport {
    changes = List.copyOf(changes);
  }

  /** One change: its code (db/README.md), its SQL, and whether it needed {@code --allow-destructive}. */
  public record Change(String code, String statement, boolean destructive) {}
}
