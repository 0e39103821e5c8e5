package dev.archforge.deliverable.migrations;

import java.util.List;

/**
 * What {@code db/<service>/schema.cql} shows: the keyspace with its replication and the tables
 * designed from the service's access patterns.
 *
 * @param replication the replication map's entries, e.g. {@code 'dc1': 3, 'dc2': 3}
 */
public record CqlView(String project, String service, String keyspace, String replication,
    List<CqlTables.Table> tables) {
  public CqlView {
    tables = List.copyOf(tables);
  }
}
