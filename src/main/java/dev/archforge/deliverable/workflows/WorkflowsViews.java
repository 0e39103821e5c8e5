package dev.archforge.deliverable.workflows;

import dev.archforge.deliverable.workflows.WorkflowsView.Actions;
import dev.archforge.deliverable.workflows.WorkflowsView.Build;
import dev.archforge.deliverable.workflows.WorkflowsView.Database;
import dev.archforge.deliverable.workflows.WorkflowsView.Registry;
import dev.archforge.deliverable.workflows.WorkflowsView.Stage;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.LocalImages;
import dev.archforge.facts.deploy.Registries;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.model.Cloud;
import dev.archforge.model.Language;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;

/** Builds the workflows' view of a plan. */
final class WorkflowsViews {
  /** The agent folder in the repository: the default output root of {@code archforge generate} and the agent's name. */
  static final String AGENT = "workspaces/backend-architect";
  static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
  /**
   * The actions used, pinned by full commit SHA (the tag it was cut as after {@code #}). Each SHA is
   * the one the action's repository tags with that version; Dependabot's {@code github-actions}
   * updates move SHA and comment together.
   */
  static final Actions ACTIONS = new Actions("actions/checkout@d632683dd7b4114ad314bca15554477dd762a938 # v4.2.0",
      "actions/setup-python@f677139bbe7f9c59b41e40162b753c062f5d49a3 # v5.2.0");

  private WorkflowsViews() {}

  static WorkflowsView of(Facts facts) {
    Plan plan = facts.plan();
    List<Build> builds = new ArrayList<>();
    for (Deployable d : facts.deployables()) {
      String source = AGENT + "/deploy/" + d.name();
      builds.add(new Build(d.name(), d.language().spelling(), source, AGENT + "/" + Layout.dockerfile(d.name()),
          test(d.language()), d.language() == Language.PYTHON));
    }
    List<String> deliverables = plan.blueprint().deliverables();
    boolean contracts = deliverables.stream().anyMatch(List.of("openapi", "graphql", "grpc", "asyncapi")::contains);
    List<Stage> stages = new ArrayList<>();
    if (kubernetes(plan) && images(plan)) {
      String previous = "";
      String project = plan.requirements().project().name();
      for (String env : ENVIRONMENTS) {
        if (env.equals("prod") && plan.cells().residency()) {
          // each cell's prod overlay (on top of prod) goes to the cell's own cluster; prod alone is only their base
          for (var cell : plan.cells().cells()) {
            String name = "prod-" + cell.jurisdiction();
            stages.add(new Stage(name, previous, Layout.K8S + "overlays/" + name, project + "-prod", "kubernetes", "",
                cell.primary().orElse("")));
          }
          continue;
        }
        stages.add(new Stage(env, previous, Layout.K8S + "overlays/" + env, project + "-" + env, "kubernetes", "",
            plan.cells().primaryRegion().orElse("")));
        previous = env;
      }
    } else if (managedContainers(plan) && images(plan)) {
      stages.addAll(DeployStages.managed(plan));
    } else if (sam(plan) && images(plan)) {
      stages.addAll(DeployStages.sam(plan));
    } else if (vm(plan) && images(plan)) {
      stages.addAll(DeployStages.vm(plan));
    }
    secondRegionStage(plan, stages).ifPresent(stages::add);
    Registries.Registry production = Registries.production(plan);
    return new WorkflowsView(plan.requirements().project().name(), AGENT, builds, database(plan), contracts, stages,
        ACTIONS, String.join(" ", facts.deployables().stream().map(d -> d.name() + "=" + production.image(d.name()))
        .toList()), images(plan), registries(plan), login(plan.requirements().project().cloud()),
        placeholder(plan.requirements().project().cloud()), Registries.TAG, production.prefix());
  }

  /**
   * The registry of every root of infra/: dev and staging in the primary region, prod there or one
   * per cell in the cell's, and backup-dr's second region in its own; on cloud {@code any} the team's one registry.
   */
  static List<Registry> registries(Plan plan) {
    if (plan.requirements().project().cloud() == Cloud.ANY) {
      return List.of(new Registry("all", Registries.production(plan).prefix()));
    }
    List<Registry> registries = new ArrayList<>();
    for (String env : ENVIRONMENTS) {
      if (env.equals("prod") && plan.cells().residency()) {
        plan.cells().cells().forEach(c -> registries.add(new Registry(CloudNames.productionRoot(c.jurisdiction()),
            Registries.of(plan, c).prefix())));
      } else {
        registries.add(new Registry(env, Registries.of(plan, env).prefix()));
      }
    }
    // the second region's root has a registry of its own, so that its runtime pulls in its region
    SecondRegion.written(plan).ifPresent(s -> registries.add(new Registry(s.root(), Registries.of(
        plan.requirements().project().cloud(), plan.requirements().project().name(), s.root(), s.region()).prefix())));
    return registries;
  }

  private static String login(Cloud cloud) {
    return switch (cloud) {
      case AWS -> "ecr";
      case GCP -> "artifact-registry";
      case AZURE -> "acr";
      case ANY -> "ghcr";
    };
  }

  private static String placeholder(Cloud cloud) {
    return switch (cloud) {
      case AWS -> Registries.AWS_ACCOUNT;
      case GCP -> Registries.GCP_PROJECT;
      case AZURE -> "";
      case ANY -> Registries.GITHUB_OWNER;
    };
  }

  /** Whether the deployables run as container images (functions too): the blueprint writes Dockerfiles. */
  static boolean images(Plan plan) {
    return plan.blueprint().deliverables().contains("docker");
  }

  /** Whether the plan deploys functions with the serverless deliverable's AWS SAM templates. */
  static boolean sam(Plan plan) {
    return Deployables.choice(plan, "deployment", "").equals("serverless") && plan.requirements().project().cloud()
        == dev.archforge.model.Cloud.AWS && plan.blueprint().deliverables().contains("serverless");
  }

  /**
   * After production, the same release into backup-dr's second region (its root of infra/, in its
   * region): prod's job again, in the GitHub environment named after that root, whose deploy identity
   * the root creates, applying the files rendered for that root in its folder ({@link SecondRegion#folder()}:
   * an overlay, descriptors, a SAM template or user data) to what that root names (its cluster, ECS
   * cluster, stack or resource group); empty without a second region the workflow deploys to.
   */
  private static java.util.Optional<Stage> secondRegionStage(Plan plan, List<Stage> stages) {
    String project = plan.requirements().project().name();
    return SecondRegion.deployed(plan).flatMap(s -> stages.stream().filter(st -> st.name().equals(
        SecondRegion.PRIMARY_ROOT)).findFirst().map(prod -> new Stage(s.root(), prod.name(), switch (prod.target()) {
          case "kubernetes" -> Layout.K8S + "overlays/" + s.root();
          case "sam" -> Layout.SAM + s.folder() + "template.yaml";
          default -> prod.overlay();
        }, switch (prod.target()) {
          case "containerapps", "vmss" -> CloudNames.resourceGroup(project, s.root());
          case "ecs" -> CloudNames.ecsCluster(project, s.root());
          case "sam" -> project + "-" + s.root();
          default -> prod.namespace();
        }, prod.target(), prod.descriptors().isEmpty() ? "" : prod.descriptors() + "/" + s.root(), s.region())));
  }

  /**
   * Whether the plan runs on the cloud's managed containers with the managed-containers deliverable's
   * descriptors, or on functions that are such descriptors (serverless off AWS).
   */
  static boolean managedContainers(Plan plan) {
    String deployment = Deployables.choice(plan, "deployment", "kubernetes");
    List<String> deliverables = plan.blueprint().deliverables();
    return deployment.equals("managed-containers") && deliverables.contains("managed-containers")
        // functions off AWS are the same Cloud Run or Container Apps descriptors, in the same folder
        || deployment.equals("serverless") && plan.requirements().project().cloud() != dev.archforge.model.Cloud.AWS
            && deliverables.contains("serverless");
  }

  /**
   * Whether the plan runs on virtual machines whose instance groups infra/ creates from the vm
   * deliverable's user data: auto scaling groups on AWS, managed instance groups on gcp, scale sets on azure.
   */
  static boolean vm(Plan plan) {
    List<String> deliverables = plan.blueprint().deliverables();
    return Deployables.choice(plan, "deployment", "").equals("vm") && deliverables.contains("vm")
        && deliverables.contains("infra") && plan.requirements().project().cloud() != dev.archforge.model.Cloud.ANY;
  }

  /** Whether the plan deploys to Kubernetes with the kubernetes deliverable's overlays. */
  static boolean kubernetes(Plan plan) {
    return Deployables.choice(plan, "deployment", "kubernetes").equals("kubernetes")
        && plan.blueprint().deliverables().contains("kubernetes");
  }

  private static Database database(Plan plan) {
    if (!plan.blueprint().deliverables().contains("migrations")
        || plan.requirements().services().stream().allMatch(s -> s.entities().isEmpty())) {
      return null;
    }
    return switch (Deployables.choice(plan, "database", "postgresql")) {
      case "postgresql", "distributed-sql" -> new Database(LocalImages.POSTGRES, "5432:5432", "jdbc:postgresql://localhost:5432/postgres",
          "postgres", "--health-cmd pg_isready --health-interval 5s --health-timeout 5s --health-retries 20", true);
      case "mysql" -> new Database(LocalImages.MYSQL, "3306:3306", "jdbc:mariadb://localhost:3306/migrations", "root",
          "--health-cmd \"mysqladmin ping -h localhost\" --health-interval 5s --health-timeout 5s --health-retries 20",
          false);
      default -> null;
    };
  }

  /** The build and test command of a service in its language, by the tool its source folder holds. */
  private static String test(Language language) {
    return switch (language) {
      case JAVA, KOTLIN -> "if [ -x ./mvnw ]; then ./mvnw -B verify; elif [ -f pom.xml ]; then mvn -B verify;"
          + " else ./gradlew build; fi";
      case GO -> "go vet ./... && go test ./...";
      case NODE -> "npm ci && npm test";
      case PYTHON -> "python -m pip install -r requirements.txt && python -m pytest";
    };
  }
}
