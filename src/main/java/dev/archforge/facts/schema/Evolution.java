package dev.archforge.facts.schema;

import java.util.List;
import java.util.SortedMap;

/**
 * How one service's database goes on from what earlier runs wrote: the migration files already
 * there (carried unchanged), and the next one when the requirements changed the schema.
 *
 * @param service the service
 * @param desired the tables the requirements now describe
 * @param existing the migration files on disk, by path relative to the agent folder
 * @param file the next migration's path, or null when nothing changed (or on the first run, which writes V1)
 * @param changes the next migration's changes in order; empty when {@code file} is null
 * @param after the schema once every migration ran, kept as {@code .archforge/schema/<service>.json}
 * @param kind whether this is the first run, a workspace written before snapshots existed, or a later run
 * @param expandContract whether renames and type changes are written as expand/contract (availability of 99.9 % or more)
 */
public record Evolution(String service, Schema desired, SortedMap<String, String> existing, String file,
    List<SchemaChange> changes, Snapshot after, Kind kind, boolean expandContract) {
  public Evolution {
    changes = List.copyOf(changes);
  }

  public enum Kind {
    /** No migrations yet: V1 creates every table. */
    FIRST,
    /** Migrations without a snapshot (written by an archforge before snapshots): V1 must be what this run renders. */
    UNRECORDED,
    /** A snapshot of the earlier migrations: the next one is the difference. */
    RECORDED
  }

  public List<SchemaChange> needingConsent() {
    return changes.stream().filter(SchemaChange::destructive).toList();
  }
}
