package dev.archforge.deliverable.structurizr;

import dev.archforge.deliverable.structurizr.WorkspaceView.DeploymentView;
import dev.archforge.deliverable.structurizr.WorkspaceView.Element;
import dev.archforge.deliverable.structurizr.WorkspaceView.Environment;
import dev.archforge.deliverable.structurizr.WorkspaceView.Node;
import dev.archforge.deliverable.structurizr.WorkspaceView.Region;
import dev.archforge.deliverable.structurizr.WorkspaceView.Relation;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.facts.deploy.SystemModel;
import dev.archforge.facts.deploy.SystemModel.Kind;
import dev.archforge.model.Cell;
import dev.archforge.model.Cells;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Structurizr workspace of a plan from the shared {@link SystemModel}: the people (one
 * per role, and anonymous visitors when an access list names them), the software system with its
 * containers, the identity provider outside it, the relationships with their technology, and a
 * deployment environment per stage (dev, staging, prod) with its regions ({@link #regions}).
 */
final class WorkspaceViews {
  static final String SYSTEM = "system";
  static final String IDP = "idp";
  static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");

  private WorkspaceViews() {}

  static WorkspaceView of(Plan plan, SystemModel model, String adrs) {
    Requirements r = plan.requirements();
    List<Element> people = people(r);
    List<Element> containers = new ArrayList<>();
    for (SystemModel.Element e : model.elements()) {
      containers.add(new Element(id(e.key()), DslText.quote(e.name()), DslText.quote(e.description()),
          DslText.quote(e.technology()), tag(e.kind()),
          e.services().isEmpty() ? null : DslText.quote(String.join(" ", e.services()))));
    }
    boolean idp = Deployables.verifiesTokens(plan);
    List<Element> externals = idp ? List.of(new Element(IDP, DslText.quote("Identity provider"),
        DslText.quote("Signs users in and issues the tokens the APIs accept"), DslText.quote(""),
        DslText.quote("External"), DslText.quote(""))) : List.of();
    List<Relation> relations = new ArrayList<>();
    List<String> entry = entryPoints(model, r);
    for (Element p : people) {
      entry.forEach(to -> relations.add(new Relation(p.id(), to, DslText.quote("Uses"), DslText.quote("HTTPS"))));
    }
    if (idp) {
      entry.forEach(from -> relations.add(new Relation(from, IDP, DslText.quote("Validates tokens"),
          DslText.quote("JWKS"))));
    }
    for (SystemModel.Relation rel : model.relations()) {
      String items = rel.flow() == SystemModel.Flow.CALL || rel.items().isEmpty() || rel.flow() == SystemModel.Flow.DATA
          ? "" : " " + String.join(", ", rel.items());
      relations.add(new Relation(id(rel.from()), id(rel.to()), DslText.quote(rel.description() + items),
          DslText.quote(rel.technology())));
    }
    List<Environment> environments = new ArrayList<>();
    List<DeploymentView> views = new ArrayList<>();
    for (String env : ENVIRONMENTS) {
      List<String> names = regions(plan, env);
      List<Region> list = new ArrayList<>();
      for (int i = 1; i <= names.size(); i++) {
        String regionId = env + "_region_" + i;
        String name = names.get(i - 1);
        list.add(new Region(regionId, DslText.quote(name), DslText.quote(cloud(r.project().cloud())),
            nodes(plan, model)));
        views.add(new DeploymentView(env, regionId, DslText.quote(env + "-region-" + i),
            DslText.quote("Deployment of " + r.project().displayTitle() + ": " + env + ", " + name)));
      }
      environments.add(new Environment(env, DslText.quote(env), list));
    }
    return new WorkspaceView(DslText.quote(r.project().displayTitle()), DslText.quote(
        r.project().description() == null ? "The architecture of " + r.project().displayTitle()
            : r.project().description()), DslText.quote(adrs), people,
        new Element(SYSTEM, DslText.quote(r.project().displayTitle()), DslText.quote(r.project().description()),
            DslText.quote(""), DslText.quote(""), DslText.quote("")),
        containers, externals, relations, environments, views);
  }

  /**
   * The regions of an environment, named as every other file names them ({@link Cells}): dev and
   * staging run in the home cell's primary region; prod in every serving region of every cell (a
   * cell's named with its jurisdiction), then in the second region backup-dr asks for
   * ({@link SecondRegion}) when no cell serves from it. Without a region table they are numbered,
   * prod's up to {@code scale.regions}.
   */
  static List<String> regions(Plan plan, String env) {
    Cells cells = plan.cells();
    List<String> names = new ArrayList<>();
    if (!env.equals("prod")) {
      names.add(cells.primaryRegion().orElse("Region 1"));
      return names;
    }
    for (Cell cell : cells.cells()) {
      cell.serving().forEach(region -> names.add(cells.residency() ? region + " (" + cell.jurisdiction() + " cell)"
          : region));
    }
    SecondRegion.of(plan).filter(s -> !names.contains(s.region())).ifPresent(s -> names.add(s.region() + " ("
        + (s.mode().equals(SecondRegion.WARM) ? "warm standby" : "second active region") + ")"));
    for (int i = names.size() + 1; i <= Math.max(1, plan.requirements().scale().regions()) && cells.cells().isEmpty();
        i++) {
      names.add("Region " + i);
    }
    return names;
  }

  /** The DSL identifier of a container of the system model. */
  static String id(String key) {
    if (key.equals(SystemModel.CACHE) || key.equals(SystemModel.BROKER)) {
      return key;
    }
    return key.startsWith("db:") ? DslText.id("db", key.substring(3)) : DslText.id("app", key);
  }

  private static String tag(Kind kind) {
    return switch (kind) {
      case DATABASE, CACHE -> DslText.quote("Database");
      case BROKER -> DslText.quote("Queue");
      case DEPLOYABLE -> DslText.quote("Deployable");
    };
  }

  private static List<Element> people(Requirements r) {
    List<Element> people = new ArrayList<>();
    for (String role : r.security().roles()) {
      people.add(new Element(DslText.id("role", role), DslText.quote(role), DslText.quote("Signs in with the role "
          + role), DslText.quote(""), DslText.quote(""), DslText.quote("")));
    }
    boolean anonymous = r.services().stream().flatMap(s -> s.access().values().stream())
        .anyMatch(a -> a.read().contains(Security.ANONYMOUS) || a.write().contains(Security.ANONYMOUS));
    if (anonymous || people.isEmpty()) {
      people.add(new Element("anonymous_users", DslText.quote("Anonymous visitors"),
          DslText.quote("Use the public endpoints without credentials"), DslText.quote(""), DslText.quote(""),
          DslText.quote("")));
    }
    return people;
  }

  /** Where callers enter: the deployables serving public services, or every deployable when none is public. */
  private static List<String> entryPoints(SystemModel model, Requirements r) {
    List<String> open = r.services().stream().filter(Service::isPublic).map(Service::name).toList();
    List<String> ids = new ArrayList<>();
    for (SystemModel.Element e : model.elements(Kind.DEPLOYABLE)) {
      if (open.isEmpty() || e.services().stream().anyMatch(open::contains)) {
        ids.add(id(e.key()));
      }
    }
    return ids;
  }

  /** The runtimes of a region: the deployables' platform, then the managed database, cache and broker. */
  private static List<Node> nodes(Plan plan, SystemModel model) {
    List<Node> nodes = new ArrayList<>();
    List<String> apps = model.elements(Kind.DEPLOYABLE).stream().map(e -> id(e.key())).toList();
    nodes.add(new Node(DslText.quote(runtime(Deployables.choice(plan, "deployment", "kubernetes"))),
        DslText.quote(Deployables.choice(plan, "deployment", "kubernetes")), apps));
    for (Kind kind : List.of(Kind.DATABASE, Kind.CACHE, Kind.BROKER)) {
      List<SystemModel.Element> of = model.elements(kind);
      if (!of.isEmpty()) {
        nodes.add(new Node(DslText.quote("Managed " + of.get(0).technology()), DslText.quote(of.get(0).technology()),
            of.stream().map(e -> id(e.key())).toList()));
      }
    }
    return nodes;
  }

  private static String runtime(String deployment) {
    return switch (deployment) {
      case "kubernetes" -> "Kubernetes cluster";
      case "serverless" -> "Functions";
      case "vm" -> "Virtual machines";
      default -> "Container platform (" + deployment + ")";
    };
  }

  private static String cloud(Cloud cloud) {
    return switch (cloud) {
      case AWS -> "Amazon Web Services";
      case GCP -> "Google Cloud";
      case AZURE -> "Microsoft Azure";
      case ANY -> "the chosen cloud";
    };
  }
}
