package dev.archforge.pipeline;

import dev.archforge.facts.DecisionLog;
import dev.archforge.model.ApiChange;
import dev.archforge.write.FileChange;
import java.util.List;

/**
 * What a run changes and why, one section per kind of change, from cause to effect: the
 * requirement keys that changed since the last run, the decisions that changed (each with its old
 * and new record), the new migrations, then every file.
 *
 * @param inputs the keys of the normalised input that changed, sorted
 * @param decisions the decisions whose record is superseded
 * @param migrations the migration files the run writes
 * @param files one change per file, as the writer plans it
 * @param apiUsers for each change of a contract, the other agents' files that use what changed
 */
public record ChangeReport(List<InputChange> inputs, List<DecisionLog.Change> decisions, List<FileChange> migrations,
    List<FileChange> files, List<ApiUsers> apiUsers) {
  public static final ChangeReport NONE = new ChangeReport(List.of(), List.of(), List.of(), List.of(), List.of());

  /**
   * A change of a contract and the other agents' files that use what changed.
   *
   * @param usedBy {@code frontend/src/api.ts:12}, one per file at its first use, sorted
   */
  public record ApiUsers(ApiChange change, List<String> usedBy) {
    public ApiUsers {
      usedBy = List.copyOf(usedBy);
    }
  }

  /** The other agents' files that use what {@code change} changed; empty when none or not known. */
  public List<String> usersOf(ApiChange change) {
    return apiUsers.stream().filter(u -> u.change().equals(change)).findFirst().map(ApiUsers::usedBy)
        .orElse(List.of());
  }

  /** One key of the normalised input: its value before and after, {@code null} when absent. */
  public record InputChange(String key, String before, String after) {
    @Override
    public String toString() {
      return before == null ? key + ": added (" + after + ")"
          : after == null ? key + ": removed (was " + before + ")" : key + ": " + before + " → " + after;
    }
  }

  public ChangeReport {
    inputs = List.copyOf(inputs);
    decisions = List.copyOf(decisions);
    migrations = List.copyOf(migrations);
    files = List.copyOf(files);
    apiUsers = List.copyOf(apiUsers);
  }
}
