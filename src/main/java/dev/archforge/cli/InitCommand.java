package dev.archforge.cli;

import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.write.StarterFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archforge init}: writes a commented starter requirements file. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Write a commented starter requirements file (never overwrites one).")
final class InitCommand implements Callable<Integer> {
  /** What the starter template shows. */
  public record StarterView(String name, String title) {}

  @Spec
  CommandSpec spec;

  @Option(names = "--name", description = "Project name: [a-z][a-z0-9-]{1,39} (default: ${DEFAULT-VALUE}).",
      defaultValue = "my-backend")
  String name;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "requirements.yaml",
      description = "Where to write it (default: ${DEFAULT-VALUE}).")
  Path file;

  @Override
  public Integer call() {
    if (!name.matches("[a-z][a-z0-9-]{1,39}") || name.endsWith("-") || name.contains("--")) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, "--name '" + name
          + "' is not a valid project name: lowercase letters, digits and '-', starting with a letter, 2 to 40 characters");
    }
    String title = Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('-', ' ');
    String text = new TemplateRenderer(List.of()).render("init/requirements.ftl", new StarterView(name, title));
    if (!StarterFile.create(file, text)) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, file + " already exists; archforge init never overwrites a file");
    }
    spec.commandLine().getOut().println("Wrote " + file + ". Next: ./archforge generate " + file);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
