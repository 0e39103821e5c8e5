package dev.archforge.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What earlier runs left of the databases' history in a workspace: the migration files on disk, by
 * path relative to the agent folder ({@code db/<service>/migrations/V<n>__<what>.sql}), and the
 * snapshot of the schema they produce, by service (the text of {@code .archforge/schema/<service>.json}).
 * Empty for a workspace written for the first time.
 */
public record SchemaHistory(SortedMap<String, String> migrations, SortedMap<String, String> snapshots) {
  public static final SchemaHistory NONE = new SchemaHistory(Map.of(), Map.of());

  public SchemaHistory(Map<String, String> migrations, Map<String, String> snapshots) {
    this(Collections.unmodifiableSortedMap(new TreeMap<>(migrations)),
        Collections.unmodifiableSortedMap(new TreeMap<>(snapshots)));
  }

  /** The migration files of one service's folder, by path, in path order. */
  public SortedMap<String, String> migrationsOf(String service) {
    String folder = "db/" + service + "/migrations/";
    return Collections.unmodifiableSortedMap(migrations.subMap(folder, folder + Character.MAX_VALUE));
  }
}
