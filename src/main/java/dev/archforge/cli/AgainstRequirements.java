package dev.archforge.cli;

import dev.archforge.load.WorkspaceReader;
import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.GenerateRequest;
import dev.archforge.pipeline.MigrationPlan;
import dev.archforge.pipeline.MigrationPlanner;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.review.ReviewReport;
import dev.archforge.write.ReportFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code archforge review PATH --against REQUIREMENTS}: what generate would make of the workspace
 * at PATH (run in full, written nowhere), ordered into {@code MIGRATION-PLAN.md} with the review's
 * findings placed on the steps that resolve them.
 */
final class AgainstRequirements {
  static final String PLAN = "MIGRATION-PLAN.md";

  private AgainstRequirements() {}

  /**
   * What {@code --against} reviews: the agent folder of a workspace ({@code PATH/backend-architect}
   * or PATH itself), whose files name each other relative to it; any other folder as it is.
   */
  static Path reviewed(Path path) {
    if (!Files.isDirectory(path)) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, path + ":1:1: --against compares a folder (a workspace), not a file");
    }
    return WorkspaceReader.agentFolder(path);
  }

  /**
   * Writes the plan into the reviewed folder and says so on err: for a workspace's agent folder,
   * what generate would change in it; for another folder, everything a workspaces root there would get.
   *
   * @param reviewed the folder {@link #reviewed} chose
   * @param report its review, whose paths are relative to it
   */
  static void write(Path reviewed, Path requirements, Optional<String> blueprint, ReviewReport report,
      PrintWriter err) {
    Path folder = reviewed.toAbsolutePath().normalize();
    boolean workspace = folder.getFileName() != null && folder.getFileName().toString().equals("backend-architect");
    Path root = workspace ? folder.getParent() : folder;
    List<MigrationPlan.Finding> findings = report.findings().stream()
        .map(f -> new MigrationPlan.Finding(f.path(), f.line(), f.rule().id(), f.message())).toList();
    GenerateRequest request = new GenerateRequest(requirements, root, blueprint, List.of(), true, Instant.EPOCH);
    MigrationPlan plan = MigrationPlanner.plan(Pipeline.standard(), request, findings);
    Path file = reviewed.resolve(PLAN);
    ReportFile.write(file, MigrationPlanner.render(plan));
    err.println("wrote " + file + ": " + plan.steps().size() + " step(s), " + plan.unresolved().size()
        + " finding(s) no step resolves");
  }
}
