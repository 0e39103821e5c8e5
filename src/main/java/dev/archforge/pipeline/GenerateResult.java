package dev.archforge.pipeline;

import dev.archforge.model.ApiChange;
import dev.archforge.write.ChangeSet;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code generate} run did (or, with {@code --dry-run}, would do).
 *
 * @param apiChanges how the contracts differ from those of the run before, in contract order
 */
public record GenerateResult(Path workspace, ChangeSet changes, List<String> warnings, boolean written,
    List<ApiChange> apiChanges) {
  public GenerateResult {
    warnings = List.copyOf(warnings);
    apiChanges = List.copyOf(apiChanges);
  }

  /** A run whose contracts did not change. */
  public GenerateResult(Path workspace, ChangeSet changes, List<String> warnings, boolean written) {
    this(workspace, changes, warnings, written, List.of());
  }
}
