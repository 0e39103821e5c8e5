package dev.archforge.pipeline;

import dev.archforge.decide.Decider;
import dev.archforge.decide.DecisionException;
import dev.archforge.deliverable.Registry;
import dev.archforge.facts.Facts;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.Diagnostic;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.load.SchemaHistoryReader;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.SchemaHistory;
import dev.archforge.write.WorkspaceWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * load → decide: the requirements file and its blueprint read, the decisions drafted, and the
 * warnings: the entities left to the privileged roles (once each) and those of every deliverable
 * the plan will render. Keeps the built-in blueprints it read, so a
 * batch reads each once.
 */
final class Planner {
  /** The blueprint of requirements that name none. */
  static final String DEFAULT_BLUEPRINT = "standard";
  private final Registry deliverables;
  private final Decider decider;
  private final BlueprintLoader blueprints;

  Planner(Registry deliverables, Decider decider) {
    this.deliverables = deliverables;
    this.decider = decider;
    this.blueprints = new BlueprintLoader(deliverables.ids());
  }

  Planned plan(Path input, Optional<String> blueprintOption) {
    return plan(input, blueprintOption, plan -> SchemaHistory.NONE);
  }

  /** Reads the default blueprint ahead of the first plan that needs it (see {@link BlueprintLoader#preload}). */
  void preload() {
    blueprints.preload(DEFAULT_BLUEPRINT);
  }

  /** The plan of a generate run, its facts over the databases' history of the workspace it writes. */
  Planned plan(GenerateRequest request) {
    return plan(request.input(), request.blueprint(), plan -> new SchemaHistoryReader()
        .read(request.root(plan.requirements().project().name()).resolve(WorkspaceWriter.AGENT)));
  }

  private Planned plan(Path input, Optional<String> blueprintOption, Function<Plan, SchemaHistory> history) {
    LoadResult loaded = new RequirementsLoader().load(input);
    List<String> warnings = new ArrayList<>(loaded.warnings().stream().map(Diagnostic::toString).toList());
    Requirements requirements = loaded.requirements().orElseThrow(() -> new ArchforgeException(ExitCode.BAD_INPUT,
        loaded.diagnostics().stream().map(Diagnostic::toString).toList()));
    BlueprintLoader.Result blueprint = blueprint(input, blueprintOption, requirements);
    warnings.addAll(blueprint.diagnostics().stream().filter(d -> !d.isError()).map(Diagnostic::toString).toList());
    Plan plan;
    try {
      plan = decider.decide(requirements, blueprint.blueprint().orElseThrow());
    } catch (DecisionException e) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, e.messages());
    }
    warnings.addAll(plan.warnings());
    Facts facts = deliverables.facts(plan, history.apply(plan));
    if (!facts.nameClashes().isEmpty()) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, facts.nameClashes());
    }
    warnings.addAll(facts.access().warnings());
    deliverables.rendered(facts).forEach(d -> warnings.addAll(d.warnings(facts)));
    return new Planned(plan, facts, warnings, blueprint.templateOverlays(), blueprint.folders());
  }

  private BlueprintLoader.Result blueprint(Path input, Optional<String> option, Requirements requirements) {
    Path base = input.toAbsolutePath().getParent();
    String reference = option.orElse(requirements.blueprint() == null ? DEFAULT_BLUEPRINT : requirements.blueprint());
    Path from = option.isPresent() ? Path.of("").toAbsolutePath() : base;
    BlueprintLoader.Result result = blueprints.load(reference, from);
    if (result.blueprint().isEmpty()) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, result.diagnostics().stream().map(Diagnostic::toString).toList());
    }
    return result;
  }
}
