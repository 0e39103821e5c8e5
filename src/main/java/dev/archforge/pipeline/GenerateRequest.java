package dev.archforge.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One {@code generate} run as the user asked for it.
 *
 * @param input the requirements file
 * @param out the workspaces root ({@code -o}), or with {@code perProject} the folder that holds one per project
 * @param blueprint {@code --blueprint}, which beats the file's {@code blueprint:} key
 * @param templates {@code --templates} folders, overlaying built-in templates file by file
 * @param dryRun compute and validate everything, write nothing
 * @param now the date of the work-log entry ({@code SOURCE_DATE_EPOCH} when set)
 * @param perProject the workspaces root is {@code out/<project name>} (a batch with {@code -o})
 * @param force overwrite a person's edits to managed files ({@code --force})
 * @param restore generated files a person deleted to write again ({@code --restore})
 * @param failOnBreaking a contract change that breaks clients of the previous contracts fails the run (exit 3)
 * @param allowDestructive {@code --allow-destructive}: write migrations that drop data or may fail on it
 */
public record GenerateRequest(Path input, Path out, Optional<String> blueprint, List<Path> templates, boolean dryRun,
    Instant now, boolean perProject, boolean force, List<String> restore, boolean failOnBreaking,
    boolean allowDestructive) {
  public GenerateRequest {
    templates = List.copyOf(templates);
    restore = List.copyOf(restore);
  }

  public GenerateRequest(Path input, Path out, Optional<String> blueprint, List<Path> templates, boolean dryRun,
      Instant now, boolean perProject) {
    this(input, out, blueprint, templates, dryRun, now, perProject, false, List.of(), false, false);
  }

  /** The same run with {@code --allow-destructive}. */
  public GenerateRequest allowingDestructive() {
    return new GenerateRequest(input, out, blueprint, templates, dryRun, now, perProject, force, restore,
        failOnBreaking, true);
  }

  public GenerateRequest(Path input, Path out, Optional<String> blueprint, List<Path> templates, boolean dryRun,
      Instant now) {
    this(input, out, blueprint, templates, dryRun, now, false);
  }

  /** The workspaces root for a project of this name. */
  public Path root(String project) {
    return perProject ? out.resolve(project) : out;
  }
}
