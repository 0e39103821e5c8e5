package dev.archforge.cli;

import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.GenerateRequest;
import dev.archforge.pipeline.GenerateResult;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.write.RunCache;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archforge generate}: requirements in, a validated workspace out. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Draft the decisions for a requirements file and write the validated deliverables",
        "to OUT/backend-architect/ (plus OUT/SHARED_PROGRESS.md). A run that fails writes nothing."})
final class GenerateCommand implements Callable<Integer> {
  private final Map<String, String> env;
  private final BooleanSupplier cancelled;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REQUIREMENTS", description = "The requirements file (YAML, format 1).")
  Path input;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "workspaces",
      description = "The workspaces root (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--blueprint", paramLabel = "NAME|DIR",
      description = "A built-in blueprint or a folder with blueprint.yaml; beats the file's 'blueprint:' key.")
  String blueprint;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "A folder whose templates replace built-in ones file by file (repeatable).")
  List<Path> templates = List.of();

  @Option(names = "--dry-run", description = "Do everything but write: show what would change.")
  boolean dryRun;

  @Option(names = "--json", description = "Print a machine-readable summary on stdout instead of text.")
  boolean json;

  @Option(names = "--no-cache", description = {"Do the full run even when nothing changed since the last one.",
      "(The run cache lives in ARCHFORGE_CACHE_DIR, else $XDG_CACHE_HOME/archforge, else ~/.cache/archforge;",
      "ARCHFORGE_CACHE_DIR=off turns it off.)"})
  boolean noCache;

  GenerateCommand(Map<String, String> env, BooleanSupplier cancelled) {
    this.env = env;
    this.cancelled = cancelled;
  }

  @Override
  public Integer call() {
    for (Path dir : templates) {
      if (!java.nio.file.Files.isDirectory(dir)) {
        throw new ArchforgeException(ExitCode.BAD_INPUT, "--templates " + dir + " is not a folder");
      }
    }
    GenerateRequest request = new GenerateRequest(input, out, Optional.ofNullable(blueprint), templates, dryRun, now());
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      Optional<RunCache> cache = noCache ? Optional.empty() : RunCache.fromEnvironment(env);
      GenerateResult result = cache.flatMap(c -> Pipeline.unchanged(request, c))
          .orElseGet(() -> Pipeline.standard().generate(request, cache, cancelled));
      report(result, json, stdout, spec.commandLine().getErr());
      return 0;
    } catch (ArchforgeException e) {
      if (json) {
        stdout.println(Summary.json(null, e.messages(), e.exitCode().code()));
        stdout.flush();
        return e.exitCode().code();
      }
      throw e;
    }
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
