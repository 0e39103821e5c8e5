package dev.archforge.pipeline;

import dev.archforge.write.ChangeSet;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code generate} run did (or, with {@code --dry-run}, would do).
 *
 * @param migrations the new migrations the run wrote (or would write), with their changes
 */
public record GenerateResult(Path workspace, ChangeSet changes, List<String> warnings, boolean written,
    List<MigrationReport> migrations) {
  public GenerateResult {
    warnings = List.copyOf(warnings);
    migrations = List.copyOf(migrations);
  }

  /** A run that wrote no new migration. */
  public GenerateResult(Path workspace, ChangeSet changes, List<String> warnings, boolean written) {
    this(workspace, changes, warnings, written, List.of());
  }
}
