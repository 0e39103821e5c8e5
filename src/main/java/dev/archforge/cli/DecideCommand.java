package dev.archforge.cli;

import dev.archforge.pipeline.Pipeline;
import dev.archforge.pipeline.Planned;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archforge decide}: the drafted decisions as a table, or everything as JSON. Writes no file. */
@Command(name = "decide", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Draft the architecture decisions for a requirements file and print them.",
        "Writes nothing; 'generate' writes them as documents."})
final class DecideCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REQUIREMENTS", description = "The requirements file (YAML, format 1).")
  Path input;

  @Option(names = "--blueprint", paramLabel = "NAME|DIR",
      description = "A built-in blueprint or a folder with blueprint.yaml; beats the file's 'blueprint:' key.")
  String blueprint;

  @Option(names = "--json", description = "Print decisions, capacity, cost, assumptions and open questions as JSON.")
  boolean json;

  @Override
  public Integer call() {
    Planned planned = Pipeline.planner().plan(input, Optional.ofNullable(blueprint));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(PlanJson.of(planned.plan(), planned.warnings()));
    } else {
      planned.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
      PlanText.table(planned.plan(), out);
    }
    out.flush();
    spec.commandLine().getErr().flush();
    return 0;
  }
}
