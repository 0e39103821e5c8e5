package dev.archforge.write;

import java.util.Objects;

/**
 * What the manifest records about one run besides the files.
 *
 * @param toolVersion archforge's version
 * @param inputSha256 SHA-256 (hex) of the requirements file as read
 * @param normalizedInput the requirements after loading, as YAML; kept for the next run's merge
 */
public record RunRecord(String toolVersion, String inputSha256, String normalizedInput) {
  public RunRecord {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(inputSha256, "inputSha256");
    Objects.requireNonNull(normalizedInput, "normalizedInput");
  }
}
