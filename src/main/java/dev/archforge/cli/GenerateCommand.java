package dev.archforge.cli;

import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.GenerateRequest;
import dev.archforge.pipeline.GenerateResult;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.write.RunCache;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archforge generate}: requirements in, a validated workspace out; several inputs in one process. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Draft the decisions for a requirements file and write the validated deliverables to "
        + "OUT/backend-architect/ (plus OUT/SHARED_PROGRESS.md).",
        "A run that fails writes nothing. Several files are run in this process, one per core at a "
        + "time (a batch): each workspace goes to workspaces/ beside its requirements file, or with "
        + "-o DIR to DIR/<project name>/; one line per input, then a summary. One failed input never "
        + "stops the others; the exit code is the most severe of the runs' (1, then 3, then 2, then "
        + "4)."})
final class GenerateCommand implements Callable<Integer> {
  static final Path DEFAULT_OUT = Path.of("workspaces");
  private final Map<String, String> env;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "REQUIREMENTS", description = "Requirements files (YAML, format 1).")
  List<Path> inputs;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = {"The workspaces root (default: workspaces). With several inputs: DIR/<project name>/ for "
          + "each."})
  Path out;

  @Option(names = "--blueprint", paramLabel = "NAME|DIR",
      description = "A built-in blueprint or a folder with blueprint.yaml; beats the file's 'blueprint:' key.")
  String blueprint;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "A folder whose templates replace built-in ones file by file (repeatable).")
  List<Path> templates = List.of();

  @Option(names = "--dry-run", description = "Do everything but write: show what would change.")
  boolean dryRun;

  @Option(names = "--force", description = {"Overwrite your edits to files the ownership rules make 'managed'."})
  boolean force;

  @Option(names = "--restore", paramLabel = "PATH",
      description = "Write again a generated file you deleted (relative to backend-architect/; repeatable)."
          + " A deleted file otherwise stays deleted.")
  List<String> restore = List.of();

  @Option(names = "--json",
      description = "Print a machine-readable summary on stdout instead of text (with several inputs, an "
          + "array of one object per input).")
  boolean json;

  @Option(names = "--fail-on-breaking",
      description = "Fail (exit 3, nothing written) when a contract change would break clients of the "
          + "contracts generated last time.")
  boolean failOnBreaking;
  @Option(names = "--allow-destructive",
      description = "Write migrations that drop tables or columns, narrow types, or may fail on the data "
          + "already there (codes DS1xx, MF1xx in db/README.md); without it such a run stops with "
          + "exit code 4 and writes nothing.")
  boolean allowDestructive;

  @Option(names = "--no-cache", description = {"Do the full run even when nothing changed since the last one.",
      "The run cache: in $ARCHFORGE_CACHE_DIR (off: none), else $XDG_CACHE_HOME/archforge, else in the "
          + "archforge folder of $HOME/.cache."})
  boolean noCache;

  GenerateCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    for (Path dir : templates) {
      if (!Files.isDirectory(dir)) {
        throw new ArchforgeException(ExitCode.BAD_INPUT, "--templates " + dir + " is not a folder");
      }
    }
    Instant now = now();
    Optional<RunCache> cache = noCache ? Optional.empty() : RunCache.fromEnvironment(env);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (inputs.size() > 1) {
      Batch batch = new Batch(Pipeline.standard(), cache, env);
      return batch.run(inputs.stream().map(input -> request(input, now)).toList(), json, stdout, stderr).code();
    }
    return runOne(request(inputs.get(0), now), cache, json, stdout, stderr);
  }

  /**
   * One input's run (shared with {@link QuickGenerate}): its summary, and 0; a failure as JSON with
   * its exit code under {@code --json}, else thrown for the caller to print.
   */
  static int runOne(GenerateRequest request, Optional<RunCache> cache, boolean json, PrintWriter out, PrintWriter err) {
    try {
      GenerateResult result = cache.flatMap(c -> Pipeline.unchanged(request, c))
          .orElseGet(() -> Pipeline.standard().generate(request, cache));
      report(result, json, out, err);
      return 0;
    } catch (ArchforgeException e) {
      if (json) {
        out.println(Summary.json(null, e.messages(), e.exitCode().code()));
        out.flush();
        return e.exitCode().code();
      }
      throw e;
    }
  }

  /**
   * The run for one input: into {@code -o} (default ./workspaces) when it is the only one; in a
   * batch, into {@code -o}'s folder for its project, else into workspaces/ beside the input.
   */
  private GenerateRequest request(Path input, Instant now) {
    boolean batch = inputs.size() > 1;
    Path root = out != null ? out : batch ? besides(input) : DEFAULT_OUT;
    return new GenerateRequest(input, root, Optional.ofNullable(blueprint), templates, dryRun, now, batch && out != null,
        force, restore, failOnBreaking, allowDestructive);
  }

  /** {@code workspaces/} in the folder of {@code input}, as relative as the input was given. */
  private static Path besides(Path input) {
    Path parent = input.getParent();
    return parent == null ? DEFAULT_OUT : parent.resolve(DEFAULT_OUT);
  }

  /** What a successful run prints (shared with {@link QuickGenerate}). */
  static void report(GenerateResult result, boolean json, PrintWriter out, PrintWriter err) {
    if (json) {
      out.println(Summary.json(result, List.of(), 0));
    } else {
      Summary.text(result, out, err);
    }
    out.flush();
    err.flush();
  }

  private Instant now() {
    return sourceDate(env).orElseThrow(() -> new ArchforgeException(ExitCode.BAD_INPUT,
        "SOURCE_DATE_EPOCH must be whole seconds since 1970, not '" + env.get("SOURCE_DATE_EPOCH") + "'"));
  }

  /** SOURCE_DATE_EPOCH when set (reproducible builds), else the clock; empty when it is not whole seconds. */
  static Optional<Instant> sourceDate(Map<String, String> env) {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return Optional.of(Instant.now());
    }
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(epoch.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
