package dev.archforge.pipeline;

import dev.archforge.facts.Facts;
import dev.archforge.load.Diagnostic;
import dev.archforge.load.HistoryReader;
import dev.archforge.load.OtherAgentsReader;
import dev.archforge.load.OwnershipReader;
import dev.archforge.model.ApiChange;
import dev.archforge.model.Artifact;
import dev.archforge.model.History;
import dev.archforge.model.OtherAgents;
import dev.archforge.model.Plan;
import dev.archforge.write.ChangeSet;
import dev.archforge.write.FileChange;
import dev.archforge.write.RunRecord;
import dev.archforge.write.WorkspaceWriter;
import dev.archforge.write.WritePolicy;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a run into an existing workspace builds on: the history it left (decision records, the
 * previous normalised input), the other agents working beside it, the ownership of its files, and
 * the report of what changes and why.
 */
final class Regeneration {
  private static final Pattern MIGRATION = Pattern.compile("db/[^/]+/migrations/[^/]+\\.sql");
  private final Path agent;
  private final History history;
  private final OtherAgents others;

  private Regeneration(Path agent, History history, OtherAgents others) {
    this.agent = agent;
    this.history = history;
    this.others = others;
  }

  /** Reads the history of the workspace under {@code root}, and the other agents' folders beside it. */
  static Regeneration read(Path root) {
    Path agent = root.resolve(WorkspaceWriter.AGENT);
    try {
      return new Regeneration(agent, HistoryReader.read(agent), OtherAgentsReader.read(root, WorkspaceWriter.AGENT));
    } catch (UncheckedIOException e) {
      throw new ArchforgeException(ExitCode.INTERNAL, e.getMessage());
    }
  }

  /** SHA-256 of the other agents' work as read for this run: the run cache's witness. */
  String othersFingerprint() {
    return OtherAgentsReader.fingerprint(others);
  }

  /** The run's facts, with the records issued before and the other agents beside it. */
  Facts facts(Facts facts) {
    return facts.with(history).with(others);
  }

  /**
   * The writer for this run: the workspace's ownership rules before the blueprint's, --force and
   * --restore. A bad ownership file is bad input; a --restore of a path not generated too.
   */
  WorkspaceWriter writer(Path root, GenerateRequest request, Plan plan, List<Artifact> artifacts) {
    OwnershipReader.Result own = OwnershipReader.read(agent);
    if (!own.diagnostics().isEmpty()) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, own.diagnostics().stream().map(Diagnostic::toString).toList());
    }
    List<String> unknown = request.restore().stream()
        .filter(p -> artifacts.stream().noneMatch(a -> a.path().equals(p))).toList();
    if (!unknown.isEmpty()) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, unknown.stream().map(p -> "--restore " + p
          + ": archforge does not generate this file (paths are relative to " + WorkspaceWriter.AGENT + "/)").toList());
    }
    return new WorkspaceWriter(root, new WritePolicy(own.ownership().then(plan.blueprint().ownership()),
        request.force(), new java.util.TreeSet<>(request.restore())));
  }

  /**
   * Why the files change: the input keys, then the decisions, then the migrations and files; and
   * which of the other agents' files use what the contracts change.
   */
  ChangeReport report(RunRecord run, Facts facts, ChangeSet changes, List<ApiChange> apiChanges) {
    return new ChangeReport(Normalized.changes(history.normalizedInput(), run.normalizedInput()),
        facts.decisionLog().changes(), migrations(changes.files()), changes.files(),
        apiChanges.stream().map(c -> new ChangeReport.ApiUsers(c, facts.upstream().usersOf(c))).toList());
  }

  /** The new files among {@code db/<service>/migrations/}: the migrations a run writes. */
  static List<FileChange> migrations(List<FileChange> files) {
    List<FileChange> migrations = new ArrayList<>();
    for (FileChange f : files) {
      if (f.status() == FileChange.Status.WRITTEN && MIGRATION.matcher(f.path()).matches()) {
        migrations.add(f);
      }
    }
    return migrations;
  }
}
