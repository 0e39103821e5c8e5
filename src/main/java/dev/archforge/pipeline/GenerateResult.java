package dev.archforge.pipeline;

import dev.archforge.model.ApiChange;
import dev.archforge.model.NotApplicable;
import dev.archforge.write.ChangeSet;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code generate} run did (or, with {@code --dry-run} or {@code plan}, would do).
 *
 * @param report why: the requirement keys and decisions that changed, with the files
 * @param apiChanges how the contracts differ from those of the run before, in contract order
 * @param migrations the new migrations the run wrote (or would write), with their changes
 * @param notApplicable the checks across artifacts that had nothing to check in the output, with why
 */
public record GenerateResult(Path workspace, ChangeSet changes, List<String> warnings, boolean written,
    ChangeReport report, List<ApiChange> apiChanges, List<MigrationReport> migrations,
    List<NotApplicable> notApplicable) {
  public GenerateResult {
    warnings = List.copyOf(warnings);
    apiChanges = List.copyOf(apiChanges);
    migrations = List.copyOf(migrations);
    notApplicable = List.copyOf(notApplicable);
  }

  /** A run whose contracts did not change and that wrote no migration, without a report of why. */
  public GenerateResult(Path workspace, ChangeSet changes, List<String> warnings, boolean written,
      List<NotApplicable> notApplicable) {
    this(workspace, changes, warnings, written, ChangeReport.NONE, List.of(), List.of(), notApplicable);
  }

  /** The same outcome without the files' contents (and what was derived from them). */
  public GenerateResult withoutContents() {
    return new GenerateResult(workspace, changes.withoutContents(), warnings, written, report, apiChanges, migrations,
        notApplicable);
  }
}
