package dev.archforge.pipeline;

import dev.archforge.write.ChangeSet;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code generate} run did (or, with {@code --dry-run} or {@code plan}, would do).
 *
 * @param report why: the requirement keys and decisions that changed, with the files
 */
public record GenerateResult(Path workspace, ChangeSet changes, List<String> warnings, boolean written,
    ChangeReport report) {
  public GenerateResult {
    warnings = List.copyOf(warnings);
  }

  public GenerateResult(Path workspace, ChangeSet changes, List<String> warnings, boolean written) {
    this(workspace, changes, warnings, written, ChangeReport.NONE);
  }
}
