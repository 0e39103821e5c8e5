package dev.archforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.deliverable.migrations.MigrationCheck;
import dev.archforge.load.WorkspaceReader;
import dev.archforge.model.Artifact;
import dev.archforge.model.NotApplicable;
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
import picocli.CommandLine.Option;
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

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Option(names = "--json",
      description = "Print a machine-readable result on stdout instead of text: the findings, the rules "
          + "that did not apply and why, and the exit code.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!json) {
      Outcome o = check();
      o.edited().forEach(path -> out.println("edited    " + path + "  (differs from what archforge wrote)"));
      o.notApplicable().forEach(rule -> out.println("n/a       " + rule));
      o.applied().forEach(line -> out.println("applied   " + line));
      if (o.noMigrations()) {
        out.println(o.agent() + ": no db/*/migrations to apply");
      }
      if (!o.findings().isEmpty()) {
        out.flush();
        throw o.failure();
      }
      out.println(o.agent() + ": " + o.checked() + " files checked, no problems");
      out.flush();
      return 0;
    }
    ObjectNode root = MAPPER.createObjectNode();
    int code;
    try {
      Outcome o = check();
      code = o.findings().isEmpty() ? 0 : ExitCode.INVALID_OUTPUT.code();
      root.put("exitCode", code).put("workspace", o.agent().toString()).put("checked", o.checked());
      ArrayNode findings = root.putArray("findings");
      o.findings().forEach(f -> findings.addObject().put("path", f.path()).put("line", f.line())
          .put("message", f.message()).put("validator", f.validator()));
      o.edited().forEach(root.putArray("edited")::add);
      Summary.notApplicable(root.putArray("notApplicable"), o.notApplicable());
      o.applied().forEach(root.putArray("applied")::add);
      ArrayNode errors = root.putArray("errors");
      if (code != 0) {
        o.failure().messages().forEach(errors::add);
      }
    } catch (ArchforgeException e) {
      code = e.exitCode().code();
      root.put("exitCode", code);
      e.messages().forEach(root.putArray("errors")::add);
    }
    out.println(root.toPrettyString());
    out.flush();
    return code;
  }

  /**
   * What the check of a workspace found.
   *
   * @param checked how many files were checked
   * @param edited the generated files that differ from what archforge wrote
   * @param notApplicable the checks across files that had nothing to check, with why
   * @param applied with {@code --db}, each migration applied
   * @param noMigrations with {@code --db}, whether there were none to apply
   */
  private record Outcome(Path agent, int checked, List<Finding> findings, List<String> edited,
      List<NotApplicable> notApplicable, List<String> applied, boolean noMigrations) {
    ArchforgeException failure() {
      List<String> messages = new ArrayList<>(List.of(agent + ": " + findings.size() + " problem(s):"));
      findings.forEach(f -> messages.add("  " + f));
      return new ArchforgeException(ExitCode.INVALID_OUTPUT, messages);
    }
  }

  private Outcome check() {
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
    Drift drift = Drift.of(agent);
    drift.missing().forEach(path -> findings.add(new Finding(path, 0, "listed in .archforge/manifest.json but missing "
        + "(generate brings it back)", "manifest")));
    List<String> applied = new ArrayList<>();
    boolean noMigrations = false;
    if (database.requested()) {
      Optional<MigrationCheck.Result> result = database.apply(agent, System.getenv());
      result.ifPresent(r -> findings.addAll(r.findings()));
      result.ifPresent(r -> applied.addAll(r.applied()));
      noMigrations = result.isEmpty();
    }
    return new Outcome(agent, artifacts.size(), findings, List.copyOf(drift.edited()), pipeline.notApplicable(artifacts),
        applied, noMigrations);
  }
}
