package dev.archforge.write;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the manifest records about one run besides the files.
 *
 * @param toolVersion archforge's version
 * @param inputSha256 SHA-256 (hex) of the requirements file as read
 * @param normalizedInput the requirements after loading, as YAML; kept for the next run's merge
 * @param schemas by service, the JSON snapshot of the schema its migrations produce; kept in
 *     {@code .archforge/schema/<service>.json} for the next run's migration
 */
public record RunRecord(String toolVersion, String inputSha256, String normalizedInput,
    SortedMap<String, String> schemas) {
  public RunRecord {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(inputSha256, "inputSha256");
    Objects.requireNonNull(normalizedInput, "normalizedInput");
    schemas = Collections.unmodifiableSortedMap(new TreeMap<>(schemas));
  }

  public RunRecord(String toolVersion, String inputSha256, String normalizedInput) {
    this(toolVersion, inputSha256, normalizedInput, new TreeMap<>());
  }

  /** The metadata files of the snapshots: path under the agent folder → text. */
  SortedMap<String, String> schemaFiles() {
    SortedMap<String, String> files = new TreeMap<>();
    schemas.forEach((service, json) -> files.put(Layout.SCHEMAS + service + ".json", json));
    return files;
  }
}
