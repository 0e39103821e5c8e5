package dev.archforge.cli;

import dev.archforge.load.Suggestions;
import dev.archforge.model.Decision;
import dev.archforge.model.DecisionTopic;
import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
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

/** {@code archforge explain}: one decision with its whole reasoning chain. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Explain one decision: the reasons, the requirement values behind it, every rule tried and "
        + "why it held or not, the options considered with their trade-offs, and the consequences."})
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REQUIREMENTS", description = "The requirements file (YAML, format 1).")
  Path input;

  @Parameters(index = "1", paramLabel = "TOPIC", completionCandidates = Topics.class,
      description = "A decision topic: ${COMPLETION-CANDIDATES}.")
  String topic;

  @Option(names = "--blueprint", paramLabel = "NAME|DIR",
      description = "A built-in blueprint or a folder with blueprint.yaml; beats the file's 'blueprint:' key.")
  String blueprint;

  @Option(names = "--json", description = "Print the decision as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (DecisionTopic.byId(topic).isEmpty()) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, "unknown topic '" + topic + "'"
          + Suggestions.hint(topic, DecisionTopic.ids()) + " (topics: "
          + String.join(", ", DecisionTopic.ids()) + ")");
    }
    Planned planned = Pipeline.planner().plan(input, Optional.ofNullable(blueprint));
    Decision decision = planned.plan().decision(topic).orElseThrow();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(PlanJson.write(PlanJson.decision(decision)));
    } else {
      PlanText.explain(decision, out);
    }
    out.flush();
    return 0;
  }

  /** The topic ids, for help and shell completion. */
  static final class Topics implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return DecisionTopic.ids().iterator();
    }
  }
}
