package dev.archforge.deliverable.migrations;

/**
 * The kinds of change a later run makes to a Cassandra or DynamoDB model, each with a stable code
 * (db/README.md lists them); a 2xx code needs consent. As with SQL's codes, a run that would make one that destroys data, or
 * that the database cannot make online, stops (exit 4) unless {@code --allow-destructive} consents.
 */
public enum ModelChangeCode {
  CQL101("create a table (a new entity or access pattern)"),
  CQL102("add a column"),
  CQL103("change the keyspace's replication"),
  CQL201("drop a table and its rows"),
  CQL202("drop a column and its values"),
  CQL203("recreate a table whose primary key or a column's type changed (Cassandra can alter neither): the table"
      + " is dropped, created anew and must be backfilled"),
  DDB101("add a global secondary index (online: DynamoDB fills it from the items that have its key attributes)"),
  DDB102("add an index key attribute to an entity's items (online: a job sets it on the items written before)"),
  DDB103("delete a global secondary index (online)"),
  DDB104("change how an index key attribute of an entity's items is built (online: a job rewrites it on the items"
      + " written before; reads through the index miss them until then)"),
  DDB201("change the table's key or how an entity's PK or SK is built (not online: a new table, and a migration"
      + " that copies every item with its new keys)"),
  DDB202("remove an entity or kind of item: its items stay in the table until a job deletes them");

  private final String title;

  ModelChangeCode(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** Destroys data, or cannot be made online: the run stops unless {@code --allow-destructive} is given. */
  public boolean needsConsent() {
    return name().charAt(name().length() - 3) == '2';
  }
}
