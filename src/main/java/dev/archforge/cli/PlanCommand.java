package dev.archforge.cli;

import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ChangeReport;
import dev.archforge.pipeline.GenerateRequest;
import dev.archforge.pipeline.GenerateResult;
import dev.archforge.pipeline.MigrationReport;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.write.FileChange;
import dev.archforge.write.FileChange.Status;
import dev.archforge.write.WorkspaceWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archforge plan}: what a {@code generate} run would do, per file, with the reasons; writes
 * nothing. Exit 0 when the workspace is up to date, 2 when a run would change something, 1 on any
 * error (terraform's {@code -detailed-exitcode}). {@link CheckCommand} is the same without diffs.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Show what 'generate' would do, file by file (new, changed with a unified diff, merged, "
        + "conflict, deleted, unchanged), the migrations it would write and the decisions that would "
        + "change.",
        "Writes nothing. Exit codes: 0 up to date, 2 a run would change something, 1 error."})
class PlanCommand implements Callable<Integer> {
  static final int UP_TO_DATE = 0;
  static final int ERROR = 1;
  static final int CHANGES = 2;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REQUIREMENTS", description = "The requirements file (YAML, format 1).")
  Path input;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "The workspaces root (default: workspaces).")
  Path out = GenerateCommand.DEFAULT_OUT;

  @Option(names = "--blueprint", paramLabel = "NAME|DIR",
      description = "A built-in blueprint or a folder with blueprint.yaml; beats the file's 'blueprint:' key.")
  String blueprint;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "A folder whose templates replace built-in ones file by file (repeatable).")
  List<Path> templates = List.of();

  /** Whether to print each change's unified diff. */
  boolean diffs() {
    return true;
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    GenerateRequest request = new GenerateRequest(input, out, Optional.ofNullable(blueprint), templates, true,
        Instant.EPOCH);
    GenerateResult result;
    try {
      result = Pipeline.standard().preview(request);
    } catch (ArchforgeException e) {
      e.messages().forEach(stderr::println);
      stderr.flush();
      return ERROR;
    }
    result.warnings().forEach(w -> stderr.println("warning: " + w));
    print(result, new WorkspaceWriter(result.workspace().getParent()), stdout);
    stdout.flush();
    stderr.flush();
    return result.changes().isNoOp() ? UP_TO_DATE : CHANGES;
  }

  private void print(GenerateResult result, WorkspaceWriter writer, PrintWriter out) {
    ChangeReport report = result.report();
    if (!report.inputs().isEmpty()) {
      out.println("Requirements changed:");
      report.inputs().forEach(i -> out.println("  " + i));
    }
    if (!report.decisions().isEmpty()) {
      out.println("Decisions that would change:");
      report.decisions().forEach(d -> out.println("  " + d.topic() + ": " + d.before() + " → " + d.after()
          + " (decisions/" + d.newFile() + " supersedes decisions/" + d.oldFile() + ")"));
    }
    if (!result.migrations().isEmpty()) {
      out.println("Migrations it would write:");
      for (MigrationReport m : result.migrations()) {
        out.println("  " + m.path());
        m.changes().forEach(c -> out.println("    " + c.code() + (c.destructive() ? " (needs --allow-destructive)" : "")
            + "  " + c.statement()));
      }
    } else if (!report.migrations().isEmpty()) {
      out.println("Migrations it would write:");
      report.migrations().forEach(m -> out.println("  " + m.path()));
    }
    if (!result.apiChanges().isEmpty()) {
      out.println("API changes:");
      result.apiChanges().forEach(c -> out.println("  " + (c.breaking() ? "breaking  " : "compatible ") + c.contract()
          + " (" + c.service() + "): " + c.change()));
    }
    out.println("Files:");
    long quiet = 0;
    for (FileChange f : report.files()) {
      if (f.status() == Status.UNCHANGED) {
        quiet++;
        continue;
      }
      out.printf("  %-9s %s%s%n", label(f.status()), f.path(), f.reason().isEmpty() ? "" : "  (" + f.reason() + ")");
      if (diffs() && f.status() != Status.BLOCKED) {
        writer.diff(result.changes(), f).lines().forEach(line -> out.println("    " + line));
      }
    }
    out.println("  " + quiet + " files unchanged");
    out.println(result.changes().isNoOp() ? "Up to date: " + result.workspace()
        : "A run would change " + result.workspace() + (result.changes().isBlocked()
            ? "; it would stop first: a person must act on the blocked files" : ""));
  }

  /** The plan's words for a writer's status. */
  static String label(Status status) {
    return switch (status) {
      case WRITTEN, RESTORED -> "new";
      case UPDATED -> "changed";
      default -> status.name().toLowerCase();
    };
  }
}
