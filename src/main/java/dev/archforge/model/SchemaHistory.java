package dev.archforge.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What earlier runs left of the databases' history in a workspace: the migration files on disk, by
 * path relative to the agent folder ({@code db/<service>/migrations/V<n>__<what>.sql}, and for
 * Cassandra {@code db/<service>/schema.cql} and {@code V<n>__<what>.cql}), and the snapshot of the
 * schema they produce, by service (the text of {@code .archforge/schema/<service>.json}; a
 * Cassandra or DynamoDB model's under {@code <service>.cql} or {@code <service>.dynamodb}).
 * Empty for a workspace written for the first time.
 */
public record SchemaHistory(SortedMap<String, String> migrations, SortedMap<String, String> snapshots) {
  public static final SchemaHistory NONE = new SchemaHistory(Map.of(), Map.of());

  public SchemaHistory(Map<String, String> migrations, Map<String, String> snapshots) {
    this(Collections.unmodifiableSortedMap(new TreeMap<>(migrations)),
        Collections.unmodifiableSortedMap(new TreeMap<>(snapshots)));
  }

  /** The SQL migration files of one service's folder, by path, in path order. */
  public SortedMap<String, String> migrationsOf(String service) {
    return of(service, ".sql");
  }

  /**
   * The Cassandra files of one service, by path: {@code db/<service>/schema.cql}, the first version,
   * and the changes after it, {@code db/<service>/migrations/V<n>__<what>.cql}.
   */
  public SortedMap<String, String> cqlOf(String service) {
    return of(service, ".cql");
  }

  private SortedMap<String, String> of(String service, String suffix) {
    String folder = "db/" + service + "/";
    SortedMap<String, String> files = new TreeMap<>();
    migrations.subMap(folder, folder + Character.MAX_VALUE).forEach((path, text) -> {
      if (path.endsWith(suffix)) {
        files.put(path, text);
      }
    });
    return Collections.unmodifiableSortedMap(files);
  }
}
