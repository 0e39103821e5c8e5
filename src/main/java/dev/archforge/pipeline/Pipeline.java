package dev.archforge.pipeline;

import dev.archforge.decide.Decider;
import dev.archforge.decide.DecisionException;
import dev.archforge.decide.RuleDecider;
import dev.archforge.deliverable.Deliverable;
import dev.archforge.deliverable.architecture.ArchitectureDeliverable;
import dev.archforge.deliverable.asyncapi.AsyncApiDeliverable;
import dev.archforge.deliverable.capacity.CapacityDeliverable;
import dev.archforge.deliverable.decisions.DecisionRecordsDeliverable;
import dev.archforge.deliverable.docker.DockerDeliverable;
import dev.archforge.deliverable.docs.WorkspaceDocsDeliverable;
import dev.archforge.deliverable.graphql.GraphqlDeliverable;
import dev.archforge.deliverable.grpc.GrpcDeliverable;
import dev.archforge.deliverable.k8s.KubernetesDeliverable;
import dev.archforge.deliverable.migrations.MigrationsDeliverable;
import dev.archforge.deliverable.observability.ObservabilityDeliverable;
import dev.archforge.deliverable.openapi.OpenApiDeliverable;
import dev.archforge.deliverable.security.SecurityDeliverable;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.Diagnostic;
import dev.archforge.load.InputFingerprint;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.render.RenderException;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import dev.archforge.validate.AsyncApiValidator;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.GraphqlValidator;
import dev.archforge.validate.KubernetesValidator;
import dev.archforge.validate.OpenApiValidator;
import dev.archforge.validate.PodSecurityChecker;
import dev.archforge.validate.ProtoValidator;
import dev.archforge.validate.RuntimeConsistencyValidator;
import dev.archforge.validate.SqlValidator;
import dev.archforge.validate.Validator;
import dev.archforge.write.ChangeSet;
import dev.archforge.write.RunCache;
import dev.archforge.write.WorkspaceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * load → decide → render → validate → write. Does no I/O of its own: reading is the loaders',
 * writing the writer's. Between runs it keeps only what comes from the jar (built-in blueprints and
 * templates, once read), so one pipeline serves a batch of inputs.
 */
public final class Pipeline {
  private final List<Deliverable> deliverables;
  private final List<Validator> validators;
  private final List<CrossValidator> crossValidators;
  private final Decider decider;
  private final BlueprintLoader blueprints;
  private TemplateRenderer builtInRenderer;

  public Pipeline(List<Deliverable> deliverables, List<Validator> validators, List<CrossValidator> crossValidators,
      Decider decider) {
    this.deliverables = List.copyOf(deliverables);
    this.validators = List.copyOf(validators);
    this.crossValidators = List.copyOf(crossValidators);
    this.decider = decider;
    this.blueprints = new BlueprintLoader(this.deliverables.stream().map(Deliverable::id).toList());
  }

  /** Every deliverable and validator archforge ships, in the one list that registers them. */
  public static Pipeline standard() {
    return new Pipeline(standardDeliverables(), List.of(new OpenApiValidator(), new GraphqlValidator(),
        new ProtoValidator(), new AsyncApiValidator(), new KubernetesValidator(), new PodSecurityChecker(),
        new SqlValidator()),
        List.of(new RuntimeConsistencyValidator()), new RuleDecider());
  }

  /**
   * load → decide only, for {@code decide} and {@code explain}: the same deliverables (their
   * warnings belong to the plan) but no validators, which are costly to build and not needed.
   */
  public static Pipeline planner() {
    return new Pipeline(standardDeliverables(), List.of(), List.of(), new RuleDecider());
  }

  /** The deliverables archforge ships; adding one means adding it here. */
  private static List<Deliverable> standardDeliverables() {
    return List.of(new WorkspaceDocsDeliverable(), new DecisionRecordsDeliverable(), new CapacityDeliverable(),
        new ArchitectureDeliverable(), new OpenApiDeliverable(), new GraphqlDeliverable(), new GrpcDeliverable(),
        new AsyncApiDeliverable(), new MigrationsDeliverable(), new DockerDeliverable(),
        new KubernetesDeliverable(), new SecurityDeliverable(), new ObservabilityDeliverable());
  }

  /** The ids a blueprint may list, without building validators. */
  public static List<String> deliverableIds() {
    return standardDeliverables().stream().map(Deliverable::id).toList();
  }

  public List<Validator> validators() {
    return validators;
  }

  /** A decided plan with the warnings raised on the way, the blueprint's template folders and the folders it came from. */
  public record Planned(Plan plan, List<String> warnings, List<Path> templateOverlays,
      List<InputFingerprint.Folder> blueprintFolders) {}

  /** load → decide: what {@code decide}, {@code explain} and {@code generate} share. */
  public Planned plan(Path input, Optional<String> blueprintOption) {
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
    deliverables.stream().filter(d -> plan.blueprint().deliverables().contains(d.id()) && d.supports(plan))
        .forEach(d -> warnings.addAll(d.warnings(plan)));
    return new Planned(plan, warnings, blueprint.templateOverlays(), blueprint.folders());
  }

  public GenerateResult generate(GenerateRequest request) {
    return generate(request, Optional.empty());
  }

  /**
   * What {@code generate} does when nothing changed: the outcome of the last run for this
   * workspace, from the run cache, when the inputs have the fingerprint it recorded and the
   * workspace still holds exactly what it generated. Loads, renders and validates nothing, so it
   * needs no pipeline. Empty when not confirmed (or when the workspace is named after the project,
   * which only loading tells); the full run then decides.
   */
  public static Optional<GenerateResult> unchanged(GenerateRequest request, RunCache cache) {
    if (request.perProject()) {
      return Optional.empty();
    }
    Optional<RunCache.Entry> entry = cache.read(request.out());
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<InputFingerprint.Folder> folders = new ArrayList<>();
      for (String dir : entry.get().blueprintFolders()) {
        folders.add(InputFingerprint.Folder.now(Path.of(dir)));
      }
      String start = InputFingerprint.start(request.input(), request.blueprint(), request.templates());
      if (!InputFingerprint.of(start, folders).equals(entry.get().fingerprint())) {
        return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return cache.confirm(request.out(), entry.get()).map(changes ->
        new GenerateResult(request.out().resolve(WorkspaceWriter.AGENT), changes, entry.get().warnings(), false));
  }

  /** A full run that, given a cache, records its outcome there for {@link #unchanged}. */
  public GenerateResult generate(GenerateRequest request, Optional<RunCache> cache) {
    return generate(request, cache, new WorkspaceClaims());
  }

  /** The same, as one run of a batch: its workspaces root must not be another input's. */
  public GenerateResult generate(GenerateRequest request, Optional<RunCache> cache, WorkspaceClaims claims) {
    Optional<String> start = cache.flatMap(c -> startFingerprint(request));
    Planned planned;
    TemplateRenderer renderer;
    List<Artifact> artifacts;
    List<Finding> findings;
    try (Validation validation = new Validation(validators, crossValidators)) {
      planned = plan(request.input(), request.blueprint());
      List<Path> overlays = new ArrayList<>(request.templates());
      overlays.addAll(planned.templateOverlays());
      renderer = renderer(overlays);
      artifacts = render(planned.plan(), renderer, validation::submit);
      findings = validation.findings(artifacts);
    }
    Plan plan = planned.plan();
    Requirements requirements = plan.requirements();
    List<String> warnings = planned.warnings();
    Path root = request.root(requirements.project().name());
    claims.claim(root, request.input());
    if (!findings.isEmpty()) {
      List<String> messages = new ArrayList<>(List.of("the generated output failed validation; nothing was written:"));
      findings.forEach(f -> messages.add("  " + f));
      throw new ArchforgeException(ExitCode.INVALID_OUTPUT, messages);
    }
    WorkspaceWriter writer = new WorkspaceWriter(root);
    ChangeSet changes = writer.preview(artifacts, Normalized.record(requirements, plan));
    if (changes.hasConflicts()) {
      throw new ArchforgeException(ExitCode.NEEDS_PERSON, Progress.conflictMessages(changes));
    }
    boolean write = !request.dryRun() && !changes.isNoOp();
    if (write) {
      ProgressView view = Progress.view(request, plan, changes, warnings);
      writer.commit(changes, renderer.render("workspace/progress-entry.md.ftl", view),
          renderer.render("workspace/shared-section.md.ftl", view));
    }
    if (cache.isPresent() && start.isPresent()) {
      remember(cache.get(), request, root, start.get(), planned.blueprintFolders(), changes, warnings);
    }
    return new GenerateResult(root.resolve(WorkspaceWriter.AGENT), changes, warnings, write);
  }

  /**
   * The renderer for these overlay folders. Without overlays, the one renderer of the built-in
   * templates this pipeline made first: they come from the jar, so a batch parses each once.
   */
  private TemplateRenderer renderer(List<Path> overlays) {
    if (!overlays.isEmpty()) {
      return new TemplateRenderer(overlays);
    }
    if (builtInRenderer == null) {
      builtInRenderer = new TemplateRenderer(List.of());
    }
    return builtInRenderer;
  }

  private static Optional<String> startFingerprint(GenerateRequest request) {
    try {
      return Optional.of(InputFingerprint.start(request.input(), request.blueprint(), request.templates()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Records the run when its inputs are as they were when it started: the requirements and
   * --templates hashed before loading, each blueprint folder just before the loader read it.
   */
  private static void remember(RunCache cache, GenerateRequest request, Path root, String start,
      List<InputFingerprint.Folder> folders, ChangeSet changes, List<String> warnings) {
    if (folders.stream().anyMatch(f -> f.sha256().isEmpty())) {
      return;
    }
    Optional<String> startNow = startFingerprint(request);
    List<InputFingerprint.Folder> foldersNow = new ArrayList<>();
    try {
      for (InputFingerprint.Folder folder : folders) {
        foldersNow.add(InputFingerprint.Folder.now(folder.dir()));
      }
    } catch (IOException | RuntimeException e) {
      return;
    }
    String fingerprint = InputFingerprint.of(start, folders);
    if (startNow.isPresent() && InputFingerprint.of(startNow.get(), foldersNow).equals(fingerprint)) {
      cache.remember(root, fingerprint, folders.stream().map(f -> f.dir().toString()).toList(), changes,
          warnings);
    }
  }

  private BlueprintLoader.Result blueprint(Path input, Optional<String> option, Requirements requirements) {
    Path base = input.toAbsolutePath().getParent();
    String reference = option.orElse(requirements.blueprint() == null ? "standard" : requirements.blueprint());
    Path from = option.isPresent() ? Path.of("").toAbsolutePath() : base;
    BlueprintLoader.Result result = blueprints.load(reference, from);
    if (result.blueprint().isEmpty()) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, result.diagnostics().stream().map(Diagnostic::toString).toList());
    }
    return result;
  }

  /** Renders every deliverable the blueprint lists and the plan needs, in the blueprint's order. */
  public List<Artifact> render(Plan plan, TemplateRenderer renderer) {
    return render(plan, renderer, rendered -> {});
  }

  /** As {@link #render(Plan, TemplateRenderer)}, handing each deliverable's files on as they come. */
  private List<Artifact> render(Plan plan, TemplateRenderer renderer, Consumer<List<Artifact>> each) {
    List<Artifact> artifacts = new ArrayList<>();
    Blueprint blueprint = plan.blueprint();
    for (String id : blueprint.deliverables()) {
      Deliverable deliverable = deliverables.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
      if (deliverable.supports(plan)) {
        try {
          List<Artifact> contributed = deliverable.contribute(plan, renderer);
          each.accept(contributed);
          artifacts.addAll(contributed);
        } catch (RenderException e) {
          throw new ArchforgeException(ExitCode.BAD_INPUT, "deliverable " + id + ": " + e.getMessage());
        }
      }
    }
    return artifacts;
  }

  /**
   * Runs every validator that accepts each artifact, then the checks across artifacts; the same set
   * for generate and validate.
   */
  public List<Finding> validate(List<Artifact> artifacts) {
    try (Validation validation = new Validation(validators, crossValidators)) {
      validation.submit(artifacts);
      return validation.findings(artifacts);
    }
  }
}
