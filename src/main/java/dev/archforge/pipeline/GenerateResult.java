package dev.archforge.pipeline;

import dev.archforge.write.ChangeSet;
import java.nio.file.Path;
import java.util.List;

/** What a {@code generate} run did (or, with {@code --dry-run}, would do). */
public record GenerateResult(Path workspace, ChangeSet changes, List<String> warnings, boolean written) {
  public GenerateResult {
    warnings = List.copyOf(warnings);
  }
}
