package dev.archforge.cli;

import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.Diagnostic;
import dev.archforge.load.RepositoryFiles;
import dev.archforge.load.WorkspaceReader;
import dev.archforge.model.ReviewSettings;
import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.pipeline.ToolVersion;
import dev.archforge.review.Format;
import dev.archforge.review.ReviewReport;
import dev.archforge.review.Reviewer;
import dev.archforge.review.Severity;
import dev.archforge.write.ReportFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code archforge review PATH}: reviews the contracts, manifests, images and migrations of a
 * repository or workspace with the rules generate holds itself to; writes nothing but its report.
 */
@Command(name = "review", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Review a repository or workspace: contracts, Kubernetes manifests, Dockerfiles, Compose files, "
        + "SQL migrations and Terraform, with the rules generate holds itself to.",
    footer = {"", "Exit codes: 0 nothing reaches --fail-on, 3 something does, 2 bad path or option, 1 internal error."})
final class ReviewCommand implements Callable<Integer> {
  /** What {@code --fail-on} accepts. */
  enum FailOn {
    ERROR, WARNING, NOTE, NEVER;

    Optional<Severity> severity() {
      return this == NEVER ? Optional.empty() : Optional.of(Severity.valueOf(name()));
    }
  }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "A folder (a repository or a workspace) or one file.")
  Path path;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif or junit.")
  Format format = Format.TEXT;

  @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error (default), warning, note or never: "
      + "the least severity that makes the exit code 3.")
  FailOn failOn = FailOn.ERROR;

  @Option(names = "--disable", paramLabel = "RULE", split = ",", description = "Turn a rule off for every file "
      + "(repeatable; an id turns off the rules below it, e.g. k8s/restricted).")
  List<String> disabled = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  Path output;

  @Option(names = "--against", paramLabel = "REQUIREMENTS", description = "Compare the workspace at PATH with what "
      + "these requirements imply and write MIGRATION-PLAN.md in it: ordered steps with risk, roll-back and the "
      + "findings each resolves.")
  Path against;

  @Option(names = "--blueprint", paramLabel = "NAME|DIR", description = "The blueprint whose review: key turns rules "
      + "off, and --against's (default: the one a workspace at PATH was generated with, else standard).")
  String blueprint;

  @Override
  public Integer call() {
    if (!Files.exists(path)) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, path + ":1:1: no such file or folder");
    }
    Reviewer reviewer = Reviewer.standard();
    Set<String> off = new HashSet<>();
    for (String id : disabled) {
      String rule = id.strip();
      if (!known(reviewer, rule)) {
        throw new ArchforgeException(ExitCode.BAD_INPUT, "--disable " + rule + ": no such rule (see 'archforge review --help' and the README)");
      }
      off.add(rule);
    }
    off.addAll(blueprintDisables(reviewer));
    Path reviewed = against == null ? path : AgainstRequirements.reviewed(path);
    ReviewReport report = reviewer.review(RepositoryFiles.read(reviewed), off);
    if (against != null) {
      AgainstRequirements.write(reviewed, against, Optional.ofNullable(blueprint), report, spec.commandLine().getErr());
    }
    Severity threshold = failOn.severity().orElse(null);
    String text = format.render(report, prefix(reviewed), threshold, ToolVersion.get());
    if (output != null) {
      ReportFile.write(output, text);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    }
    return report.fails(failOn.severity()) ? ExitCode.INVALID_OUTPUT.code() : ExitCode.OK.code();
  }

  /** The rules the blueprint's {@code review: {disable: [...]}} turns off; an id no rule has is a located error. */
  private Set<String> blueprintDisables(Reviewer reviewer) {
    Path folder = Files.isDirectory(path) ? WorkspaceReader.agentFolder(path) : path.toAbsolutePath().getParent();
    String name = Optional.ofNullable(blueprint).or(() -> WorkspaceReader.recordedBlueprint(folder)).orElse("standard");
    BlueprintLoader.Result loaded = new BlueprintLoader(Pipeline.deliverableIds()).load(name, Path.of("."));
    if (loaded.blueprint().isEmpty()) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, loaded.diagnostics().stream().map(Diagnostic::toString).toList());
    }
    Set<String> off = new HashSet<>();
    for (ReviewSettings.DisabledRule rule : loaded.blueprint().get().review().disable()) {
      if (!known(reviewer, rule.id())) {
        throw new ArchforgeException(ExitCode.BAD_INPUT, rule.location() + ": review: disable: no rule '" + rule.id()
            + "' (src/main/resources/review/rules.yaml lists them)");
      }
      off.add(rule.id());
    }
    return off;
  }

  private static boolean known(Reviewer reviewer, String rule) {
    return reviewer.rules().all().stream().anyMatch(r -> r.id().equals(rule) || r.id().startsWith(rule + "/"))
        || rule.startsWith("coherence/");
  }

  /** The folder as the user named it, before each reported path ("" for the current folder); a file's folder. */
  static String prefix(Path path) {
    Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Path here = Path.of("").toAbsolutePath();
    if (folder.isAbsolute() && folder.normalize().startsWith(here)) {
      folder = here.relativize(folder.normalize());
    }
    String text = folder.normalize().toString().replace('\\', '/');
    return text.isEmpty() || text.equals(".") ? "" : text + "/";
  }
}
