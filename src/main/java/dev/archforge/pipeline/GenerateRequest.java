package dev.archforge.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One {@code generate} run as the user asked for it.
 *
 * @param input the requirements file
 * @param out the workspaces root ({@code -o})
 * @param blueprint {@code --blueprint}, which beats the file's {@code blueprint:} key
 * @param templates {@code --templates} folders, overlaying built-in templates file by file
 * @param dryRun compute and validate everything, write nothing
 * @param now the date of the work-log entry ({@code SOURCE_DATE_EPOCH} when set)
 */
public record GenerateRequest(Path input, Path out, Optional<String> blueprint, List<Path> templates, boolean dryRun,
    Instant now) {
  public GenerateRequest {
    templates = List.copyOf(templates);
  }
}
