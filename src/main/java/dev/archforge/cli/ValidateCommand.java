package dev.archforge.cli;

import dev.archforge.deliverable.migrations.MigrationCheck;
import dev.archforge.load.WorkspaceReader;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.write.ConflictMarkers;
import dev.archforge.write.Drift;
import dev.archforge.write.FileChange;
import dev.archforge.validate.Finding;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archforge validate}: runs generate's validators on the files on disk; with {@code --db}
 * also applies the migrations to a real database.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Validate a workspace on disk (e.g. after hand edits) with the same validators generate runs.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The agent folder, or the workspaces root holding it.")
  Path workspace;

  @Mixin
  DatabaseOptions database = new DatabaseOptions();

  @Override
  public Integer call() {
    if (!Files.isDirectory(workspace)) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, workspace + " is not a folder");
    }
    Path agent = WorkspaceReader.agentFolder(workspace);
    Pipeline pipeline = Pipeline.standard();
    List<Artifact> artifacts = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Artifact artifact : new WorkspaceReader(pipeline::kindOf).read(agent)) {
      List<FileChange.Lines> marked = ConflictMarkers.regions(artifact.content());
      if (marked.isEmpty()) {
        artifacts.add(artifact);
      } else {
        findings.add(new Finding(artifact.path(), marked.get(0).from(), "holds conflict markers from a regeneration"
            + " (lines " + String.join(", ", marked.stream().map(FileChange.Lines::toString).toList())
            + "); resolve them and remove the marker lines", "merge"));
      }
    }
    findings.addAll(pipeline.validate(artifacts));
    PrintWriter out = spec.commandLine().getOut();
    Drift drift = Drift.of(agent);
    drift.missing().forEach(path -> findings.add(new Finding(path, 0, "listed in .archforge/manifest.json but missing "
        + "(generate brings it back)", "manifest")));
    drift.edited().forEach(path -> out.println("edited    " + path + "  (differs from what archforge wrote)"));
    pipeline.notApplicable(artifacts).forEach(rule -> out.println("n/a       " + rule));
    if (database.requested()) {
      Optional<MigrationCheck.Result> applied = database.apply(agent, System.getenv());
      applied.ifPresent(r -> findings.addAll(r.findings()));
      applied.ifPresent(r -> r.applied().forEach(line -> out.println("applied   " + line)));
      if (applied.isEmpty()) {
        out.println(agent + ": no db/*/migrations to apply");
      }
    }
    if (!findings.isEmpty()) {
      List<String> messages = new ArrayList<>(List.of(agent + ": " + findings.size() + " problem(s):"));
      findings.forEach(f -> messages.add("  " + f));
      throw new ArchforgeException(ExitCode.INVALID_OUTPUT, messages);
    }
    out.println(agent + ": " + artifacts.size() + " files checked, no problems");
    out.flush();
    return 0;
  }
}
