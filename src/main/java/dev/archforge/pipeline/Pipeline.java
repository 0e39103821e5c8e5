package dev.archforge.pipeline;

import dev.archforge.decide.Decider;
import dev.archforge.decide.RuleDecider;
import dev.archforge.deliverable.Deliverable;
import dev.archforge.deliverable.Registry;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.NotApplicable;
import dev.archforge.render.RenderException;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import dev.archforge.write.ChangeSet;
import dev.archforge.write.RunCache;
import dev.archforge.write.WorkspaceWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * load → decide → render → validate → write, over the registered deliverables, none of which it
 * knows by name. Does no I/O of its own: reading is the loaders', writing the writer's. Between
 * runs it keeps only what comes from the jar (built-in blueprints and templates, once read), so one
 * pipeline serves a batch of inputs.
 */
public final class Pipeline {
  private final Registry deliverables;
  private final CompletableFuture<Checks> checks;
  private final Planner planner;
  private TemplateRenderer builtInRenderer;

  /** The validators of single files and the checks across files. */
  private record Checks(List<Validator> validators, List<CrossValidator> crossValidators) {}

  public Pipeline(Registry deliverables, List<Validator> validators, List<CrossValidator> crossValidators,
      Decider decider) {
    this.deliverables = deliverables;
    this.checks = CompletableFuture.completedFuture(new Checks(List.copyOf(validators), List.copyOf(crossValidators)));
    this.planner = new Planner(deliverables, decider);
  }

  /**
   * With what a run needs from the jar alone made on a spare core while the main thread reads the
   * requirements: the default blueprint, then the validators (their classes and libraries load as
   * they are built).
   */
  private Pipeline(Registry deliverables, Decider decider) {
    this.deliverables = deliverables;
    this.planner = new Planner(deliverables, decider);
    this.checks = CompletableFuture.supplyAsync(() -> {
      planner.preload();
      return new Checks(deliverables.validators(), deliverables.crossValidators());
    });
  }

  /** These deliverables with their own validators and the checks across files. */
  public Pipeline(List<Deliverable> deliverables) {
    this(new Registry(deliverables), new Registry(deliverables).validators(),
        new Registry(deliverables).crossValidators(), new RuleDecider());
  }

  /** Every registered deliverable with its validators, and the checks across files. */
  public static Pipeline standard() {
    return new Pipeline(Registry.installed(), new RuleDecider());
  }

  /**
   * load → decide only, for {@code decide} and {@code explain}: the same deliverables (their
   * warnings belong to the plan) but no validators, which are costly to build and not needed.
   */
  public static Pipeline planner() {
    return new Pipeline(Registry.installed(), List.of(), List.of(), new RuleDecider());
  }

  /** The ids a blueprint may list. */
  public static List<String> deliverableIds() {
    return Registry.installed().ids();
  }

  public List<Validator> validators() {
    return checks().validators();
  }

  private Checks checks() {
    try {
      return checks.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** The kind of a file on disk, as the deliverable that writes such files names it. */
  public Optional<Artifact.Kind> kindOf(String path) {
    return deliverables.kindOf(path);
  }

  /** load → decide: what {@code decide}, {@code explain} and {@code generate} share. */
  public Planned plan(Path input, Optional<String> blueprintOption) {
    return planner.plan(input, blueprintOption);
  }

  /**
   * What {@code generate} does when nothing changed: the outcome of the last run for this
   * workspace, from the run cache, when the inputs and the workspace are as it recorded; empty when
   * not confirmed.
   */
  public static Optional<GenerateResult> unchanged(GenerateRequest request, RunCache cache) {
    return CachedRuns.unchanged(request, cache);
  }

  public GenerateResult generate(GenerateRequest request) {
    return generate(request, Optional.empty());
  }

  /** A full run that, given a cache, records its outcome there for {@link #unchanged}. */
  public GenerateResult generate(GenerateRequest request, Optional<RunCache> cache) {
    return generate(request, cache, new WorkspaceClaims().turn(0));
  }

  /** The same, as one run of a batch: its workspaces root must not be another input's. */
  public GenerateResult generate(GenerateRequest request, Optional<RunCache> cache, WorkspaceClaims.Turn claims) {
    return run(request, cache, claims, false);
  }

  /**
   * What a run would do, for {@code plan} and {@code check}: the full run (load, decide, render,
   * validate, compare) that writes nothing and reports conflicts and blocked files instead of
   * failing on them.
   */
  public GenerateResult preview(GenerateRequest request) {
    return run(request, Optional.empty(), new WorkspaceClaims().turn(0), true);
  }

  private GenerateResult run(GenerateRequest request, Optional<RunCache> cache, WorkspaceClaims.Turn claims,
      boolean preview) {
    Optional<String> inputs = cache.flatMap(c -> CachedRuns.inputsFingerprint(request));
    Optional<String> start;
    Planned planned;
    TemplateRenderer renderer;
    Rendered rendered;
    List<Finding> findings;
    Path root;
    Regeneration regeneration;
    Facts facts;
    Normalized.Pending record;
    planned = planner.plan(request);
    try (Validation validation = new Validation(checks().validators(), checks().crossValidators())) {
      root = request.root(planned.plan().requirements().project().name());
      regeneration = Regeneration.read(root);
      start = inputs.map(i -> CachedRuns.start(i, regeneration.othersFingerprint()));
      ContractChanges contracts = ContractChanges.since(root.resolve(WorkspaceWriter.AGENT), deliverables::kindOf);
      facts = contracts.given(regeneration.facts(planned.facts()));
      record = Normalized.inBackground(facts);
      List<Path> overlays = new ArrayList<>(request.templates());
      overlays.addAll(planned.templateOverlays());
      renderer = renderer(overlays);
      rendered = render(facts, renderer, validation::submit, contracts);
      findings = validation.findings(rendered.artifacts());
    }
    if (!findings.isEmpty()) {
      List<String> messages = new ArrayList<>(List.of("the generated output failed validation; nothing was written:"));
      findings.forEach(f -> messages.add("  " + f));
      throw new ArchforgeException(ExitCode.INVALID_OUTPUT, messages);
    }
    List<NotApplicable> notApplicable = notApplicable(rendered.artifacts());
    ContractChanges.refuseBreaking(request, rendered.apiChanges());
    if (!preview) {
      MigrationGate.check(planned, request); // plan and check list what needs consent instead
    }
    claims.claim(root, request.input());
    WorkspaceWriter writer = regeneration.writer(root, request, planned.plan(), rendered.artifacts());
    ChangeSet changes;
    ChangeReport report;
    boolean write;
    boolean readOnly = request.dryRun() || preview;
    try (var lock = readOnly ? writer.lockToRead() : writer.lock()) {
      changes = writer.preview(rendered.artifacts(), record.get());
      report = regeneration.report(changes.run(), facts, changes, rendered.apiChanges());
      if (preview) {
        return new GenerateResult(root.resolve(WorkspaceWriter.AGENT), changes, planned.warnings(), false, report,
            rendered.apiChanges(), MigrationGate.report(planned), notApplicable);
      }
      if (changes.isBlocked() || (changes.hasConflicts() && request.dryRun())) {
        throw new ArchforgeException(ExitCode.NEEDS_PERSON, Progress.conflictMessages(changes, false));
      }
      write = !request.dryRun() && !changes.isNoOp();
      if (write) {
        ProgressView view = Progress.view(request, planned.plan(), changes, report, planned.warnings(),
            rendered.apiChanges());
        writer.commit(changes, renderer.render("workspace/progress-entry.md.ftl", view),
            renderer.render("workspace/shared-section.md.ftl", view));
      }
    }
    if (changes.hasConflicts()) {
      throw new ArchforgeException(ExitCode.NEEDS_PERSON, Progress.conflictMessages(changes, true));
    }
    if (cache.isPresent() && start.isPresent()) {
      CachedRuns.remember(cache.get(), request, root, start.get(), planned.blueprintFolders(), changes,
          planned.warnings(), notApplicable);
    }
    return new GenerateResult(root.resolve(WorkspaceWriter.AGENT), changes, planned.warnings(), write, report,
        rendered.apiChanges(), MigrationGate.report(planned), notApplicable);
  }

  /**
   * The renderer for these overlay folders. Without overlays, the one renderer of the built-in
   * templates this pipeline made first: they come from the jar, so a batch parses each once.
   */
  private synchronized TemplateRenderer renderer(List<Path> overlays) {
    if (!overlays.isEmpty()) {
      return new TemplateRenderer(overlays);
    }
    if (builtInRenderer == null) {
      builtInRenderer = new TemplateRenderer(List.of());
    }
    return builtInRenderer;
  }

  /** Renders every deliverable the blueprint lists and the plan needs, in the blueprint's order. */
  public List<Artifact> render(Facts facts, TemplateRenderer renderer) {
    return render(facts, renderer, rendered -> {}, ContractChanges.none()).artifacts();
  }

  /**
   * As {@link #render(Facts, TemplateRenderer)}, handing each deliverable's files on as they come:
   * first the contracts, then, once they are compared with the previous ones, every other
   * deliverable, with the changes in its facts; the files in the blueprint's order.
   */
  private Rendered render(Facts facts, TemplateRenderer renderer, Consumer<List<Artifact>> each,
      ContractChanges contracts) {
    List<Deliverable> all = deliverables.rendered(facts);
    Map<Deliverable, List<Artifact>> byDeliverable = new HashMap<>();
    for (Deliverable deliverable : all) {
      if (deliverable.isContract()) {
        byDeliverable.put(deliverable, contribute(deliverable, facts, renderer, each));
      }
    }
    var apiChanges = contracts.compare(byDeliverable.values().stream().flatMap(List::stream).toList());
    Facts withChanges = facts.withApiChanges(apiChanges);
    for (Deliverable deliverable : all) {
      if (!deliverable.isContract()) {
        byDeliverable.put(deliverable, contribute(deliverable, withChanges, renderer, each));
      }
    }
    List<Artifact> artifacts = new ArrayList<>();
    all.forEach(d -> artifacts.addAll(byDeliverable.get(d)));
    return new Rendered(artifacts, apiChanges);
  }


  private static List<Artifact> contribute(Deliverable deliverable, Facts facts, TemplateRenderer renderer,
      Consumer<List<Artifact>> each) {
    try {
      List<Artifact> contributed = deliverable.contribute(facts, renderer);
      each.accept(contributed);
      return contributed;
    } catch (RenderException e) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, "deliverable " + deliverable.id() + ": " + e.getMessage());
    }
  }

  /**
   * Runs every validator that accepts each artifact, then the checks across artifacts; the same set
   * for generate and validate.
   */
  public List<Finding> validate(List<Artifact> artifacts) {
    try (Validation validation = new Validation(checks().validators(), checks().crossValidators())) {
      validation.submit(artifacts);
      return validation.findings(artifacts);
    }
  }

  /** The checks across artifacts that have nothing to check in these, with the reason of each. */
  public List<NotApplicable> notApplicable(List<Artifact> artifacts) {
    return checks().crossValidators().stream()
        .flatMap(c -> c.notApplicable(artifacts).map(r -> new NotApplicable(c.name(), r)).stream()).toList();
  }
}
