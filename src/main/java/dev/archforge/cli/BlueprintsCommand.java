package dev.archforge.cli;

import dev.archforge.load.BlueprintLoader;
import dev.archforge.pipeline.Pipeline;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code archforge blueprints}: lists the built-in blueprints. */
@Command(name = "blueprints", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "List the built-in blueprints. A folder with a blueprint.yaml works too: --blueprint DIR.")
final class BlueprintsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (var blueprint : new BlueprintLoader(Pipeline.deliverableIds()).builtIns()) {
      out.printf("%-12s %s%n", blueprint.name(), blueprint.description());
      out.printf("%-12s deliverables: %s%n", "", String.join(", ", blueprint.deliverables()));
    }
    out.flush();
    return 0;
  }
}
