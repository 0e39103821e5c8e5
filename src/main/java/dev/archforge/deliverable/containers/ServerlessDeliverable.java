package dev.archforge.deliverable.containers;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.ConsumerTrigger;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.LambdaAdapter;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.facts.messaging.MessageRoutes;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cell;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For {@code deployment: serverless}, each deployable's image as a function. On aws an AWS SAM
 * template ({@code deploy/sam/template.yaml}): an {@code AWS::Serverless::Function} per deployable
 * (container image), an HTTP API event for public ones only, a policy that reads its own secret and
 * invokes its callees only, reserved and provisioned concurrency from CAPACITY.md, and an event
 * source mapping per topic or queue it consumes from the plan's broker; the images carry the Lambda
 * Web Adapter (facts/deploy/LambdaAdapter). On gcp (and cloud {@code any}) Cloud Run services,
 * billed per request; on azure Azure Functions on Container Apps: the same descriptors as managed
 * containers, which is what those clouds run functions on, with each consumer's triggers
 * (facts/deploy/ConsumerTrigger). Under {@code dataResidency} each cell gets its own copy in
 * {@code prod-<cell>/}.
 */
public final class ServerlessDeliverable implements Deliverable {
  static final String SAM_DIR = Layout.SAM;
  /** The request time that sizes concurrency when the requirements state no {@code scale.latencyP99Ms}. */
  static final int ASSUMED_LATENCY_MS = 1000;

  @Override
  public String id() {
    return "serverless";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return plan.capacity() != null && Deployables.choice(plan, "deployment", "").equals("serverless");
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    Platform platform = Platform.of(plan.requirements().project().cloud());
    List<ContainerView> views = ManagedContainersDeliverable.views(plan, platform, facts.deployables());
    String region = plan.cells().primaryRegion().orElseThrow();
    List<Artifact> artifacts = new ArrayList<>();
    if (platform != Platform.ECS) {
      List<ConsumerTrigger> triggers = ConsumerTrigger.of(plan, facts.deployables(), facts.messaging());
      views = views.stream().map(v -> Triggers.of(platform, v, facts.deployables().stream()
          .filter(d -> d.name().equals(v.name())).findFirst().orElseThrow(), triggers)).toList();
      for (ContainerView v : views) {
        artifacts.addAll(ManagedContainersDeliverable.descriptors(platform, v, renderer));
      }
      PlatformView readme = new PlatformView(platform.title(), platform.folder(),
          plan.requirements().project().cloud().spelling(), Deployables.choice(plan, "secrets", ""), region, views,
          id(), ManagedContainersDeliverable.telemetry(plan));
      artifacts.add(new Artifact(platform.dir() + "README.md", renderer.render("containers/README.md.ftl", readme),
          Artifact.Kind.MARKDOWN));
      return artifacts;
    }
    MessageRoutes routes = MessageRoutes.of(plan);
    Integer given = plan.requirements().scale().latencyP99Ms();
    int p99 = given == null ? ASSUMED_LATENCY_MS : given;
    List<SamView> templates = new ArrayList<>();
    // one template per production root: prod's (with backup-dr's second region's, when deployed), or each cell's
    List<Optional<Cell>> cells = plan.cells().residency() ? plan.cells().cells().stream().map(Optional::of).toList()
        : List.of(Optional.empty());
    List<String> folders = new ArrayList<>(cells.stream().map(c -> c.map(x -> "prod-" + x.jurisdiction() + "/")
        .orElse("")).toList());
    SecondRegion.deployed(plan).filter(s -> !plan.cells().residency()).ifPresent(s -> folders.add(s.folder()));
    for (String folder : folders) {
      Optional<Cell> cell = cells.stream().filter(c -> c.map(x -> "prod-" + x.jurisdiction() + "/").orElse("")
          .equals(folder)).findFirst().flatMap(c -> c);
      String dir = SAM_DIR + folder;
      List<FunctionView> functions = new ArrayList<>();
      for (ContainerView v : views) {
        if (v.dir().equals(platform.dir() + folder)) {
          Deployable d = facts.deployables().stream().filter(x -> x.name().equals(v.name())).findFirst().orElseThrow();
          functions.add(Functions.of(v, d, LambdaAdapter.of(plan, d).orElseThrow(), routes, p99));
        }
      }
      SamView sam = new SamView(plan.requirements().project().name(), dir, functions.get(0).container().region(),
          cell.map(Cell::jurisdiction).orElse(""), functions);
      templates.add(sam);
      artifacts.add(new Artifact(dir + "template.yaml", renderer.render("containers/sam/template.yaml.ftl", sam),
          SamValidator.KIND));
    }
    artifacts.add(new Artifact(SAM_DIR + "README.md", renderer.render("containers/sam/README.md.ftl",
        new SamReadme(templates, Deployables.choice(plan, "messaging", "none"), p99, LambdaAdapter.IMAGE)),
        Artifact.Kind.MARKDOWN));
    return artifacts;
  }

  /**
   * What deploy/sam/README.md shows: each template's functions, the broker, the latency behind the
   * concurrency and the Lambda Web Adapter's image.
   */
  public record SamReadme(List<SamView> templates, String messaging, int latencyP99Ms, String adapterImage) {
    public SamReadme {
      templates = List.copyOf(templates);
    }
  }

  @Override
  public List<String> warnings(Facts facts) {
    if (Platform.of(facts.plan().requirements().project().cloud()) != Platform.ECS) {
      return List.of();
    }
    List<String> grpc = facts.deployables().stream().filter(Deployable::grpc).map(Deployable::name).toList();
    return grpc.isEmpty() ? List.of() : List.of("serverless: AWS Lambda serves no gRPC (HTTP/2 streams): "
        + String.join(", ", grpc) + " get a function invoked through the Lambda API; serve gRPC from managed"
        + " containers (decisions: deployment: managed-containers) to keep the protocol.");
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    if (path.startsWith(SAM_DIR) && path.endsWith("template.yaml")) {
      return Optional.of(SamValidator.KIND);
    }
    return Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new SamValidator());
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new FunctionsCarryAdapter(), new ConsumersAreTriggered());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    Platform platform = Platform.of(plan.requirements().project().cloud());
    String dir = platform == Platform.ECS ? SAM_DIR : platform.dir();
    return List.of(new ContentsEntry(dir + "README.md", "how each deployable runs as a function on "
        + (platform == Platform.ECS ? "AWS Lambda" : platform.title()) + ": its configuration, concurrency from"
        + " CAPACITY.md, triggers and secret references", ContentsEntry.Group.DOCUMENT,
        plan.blueprint().deliverables().indexOf(id())));
  }
}
