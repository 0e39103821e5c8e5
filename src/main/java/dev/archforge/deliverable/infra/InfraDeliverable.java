package dev.archforge.deliverable.infra;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.deliverable.infra.InfraView.EndpointRow;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.Endpoints;
import dev.archforge.facts.deploy.Endpoints.Endpoint;
import dev.archforge.facts.deploy.PublicHost;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code infra/}: OpenTofu (Terraform) for the chosen cloud. Shared modules under
 * {@code infra/modules/<name>/main.tf} (network, keys, databases, cache, broker, secret entries,
 * workload identities, registry, the private DNS zone of the endpoints, and the runtime the
 * deployment decision chose, one module file per runtime) and one root module per environment
 * under {@code infra/envs/<env>/main.tf}, sized from the plan; under {@code dataResidency}, production
 * is one root per cell ({@code infra/envs/prod-<jurisdiction>/main.tf}) in the cell's region. For {@code project.cloud: any}, only
 * {@code infra/README.md}: what to create, because no managed database, cache or broker is
 * cloud-neutral and a module set with nothing behind it would be rewritten by every team.
 */
public final class InfraDeliverable implements Deliverable {
  static final String ROOT = "infra/";
  static final String README = ROOT + "README.md";
  static final Artifact.Kind HCL = new Artifact.Kind("opentofu");
  /**
   * The clouds whose runtime-vm module is written: instance groups from deploy/vm/'s user data (AWS
   * auto scaling groups, Google regional managed instance groups, Azure virtual machine scale sets).
   */
  static final java.util.Set<Cloud> VM_CLOUDS = java.util.Set.of(Cloud.AWS, Cloud.GCP, Cloud.AZURE);

  @Override
  public String id() {
    return "infra";
  }

  @Override
  public boolean supports(Facts facts) {
    return facts.plan().capacity() != null;
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    InfraView view = view(facts);
    List<Artifact> artifacts = new ArrayList<>();
    artifacts.add(new Artifact(README, renderer.render("infra/README.md.ftl", view), Artifact.Kind.MARKDOWN));
    if (!view.written()) {
      return artifacts;
    }
    String cloud = view.prod().cloud();
    for (String module : view.modules()) {
      artifacts.add(new Artifact(ROOT + "modules/" + module + "/main.tf",
          renderer.render("infra/" + cloud + "/modules/" + module + ".tf.ftl", view.prod()), HCL));
    }
    for (EnvView env : new Environments(facts).all()) {
      artifacts.add(new Artifact(ROOT + "envs/" + env.env() + "/main.tf",
          renderer.render("infra/" + cloud + "/env.tf.ftl", env), HCL));
    }
    return artifacts;
  }

  static InfraView view(Facts facts) {
    Plan plan = facts.plan();
    Cloud cloud = plan.requirements().project().cloud();
    Environments environments = new Environments(facts);
    EnvView prod = environments.env("prod");
    boolean written = cloud != Cloud.ANY;
    List<String> modules = new ArrayList<>(List.of("network", "kms"));
    if (!prod.databases().isEmpty()) {
      modules.add("database");
      if (environments.secondRegion().isPresent()) {
        modules.add("database-replica");
      }
    }
    if (environments.secondRegion().isPresent() && cloud == Cloud.GCP) {
      modules.add("network-region");
    }
    if (prod.cache() != null) {
      modules.add("cache");
    }
    if (prod.broker() != null) {
      modules.add("broker");
    }
    if (prod.backup() != null) {
      modules.add("backup");
    }
    modules.addAll(List.of("secrets", "identity", "registry", "dns"));
    modules.add("ci-identity");
    if (prod.sam()) {
      modules.add("sam-artifacts");
    }
    if (prod.cluster() != null) {
      modules.add("runtime-kubernetes");
      if (cloud == Cloud.AWS) {
        modules.add("deploy-runner"); // EKS has no remote command: the deploy jobs run in the cluster's VPC
      }
    } else if (prod.managedContainers()) {
      modules.add("runtime-managed-containers");
    } else if (!prod.machines().isEmpty() && VM_CLOUDS.contains(cloud)) {
      modules.add("runtime-vm");
    }
    List<EndpointRow> rows = new ArrayList<>();
    for (Endpoint e : Endpoints.of(facts.deployables())) {
      String by = !written ? "you (no cloud chosen)" : prod.external().contains(e.name())
          ? "you: variable external_endpoints" : "module " + moduleOf(e.role());
      rows.add(new EndpointRow(e.host(), e.port(), e.role(), e.technology(), by));
    }
    List<EnvView> roots = environments.all();
    return new InfraView(prod, written, written ? modules : List.of(), roots.stream().map(EnvView::env).toList(), rows,
        notes(facts, prod, written), roots.stream().filter(r -> !r.cell().isEmpty()).toList());
  }

  private static String moduleOf(String role) {
    return switch (role) {
      case "database" -> "database";
      case "cache" -> "cache";
      default -> "broker";
    };
  }

  private static List<String> notes(Facts facts, EnvView prod, boolean written) {
    List<String> notes = new ArrayList<>();
    if (!written) {
      notes.add("project.cloud is any: infra/ holds only a README listing what to create; choose a cloud to get "
          + "OpenTofu modules.");
      return notes;
    }
    if (!prod.external().isEmpty()) {
      notes.add("no managed offering on " + prod.cloud() + " for " + String.join(", ", prod.external())
          + ": infra/ creates their DNS names in " + Endpoints.ZONE + " and asks for the targets (variable "
          + "external_endpoints).");
    }
    List<String> unbacked = prod.backup() != null ? List.of() : Endpoints.of(facts.deployables()).stream()
        .filter(e -> e.role().equals("database") && prod.external().contains(e.name())).map(Endpoint::name).toList();
    if (!unbacked.isEmpty()) {
      notes.add("infra/ backs up no " + String.join(", ", unbacked) + ", which it does not create: whoever runs "
          + (unbacked.size() == 1 ? "it" : "them") + " keeps the backups the backup-dr decision asks for, in the"
          + " recovery region of CAPACITY.md's Cells where it names one.");
    }
    if (prod.cluster() == null && !prod.managedContainers() && !(prod.machines().size() > 0
        && VM_CLOUDS.contains(facts.plan().requirements().project().cloud()))) {
      notes.add("deployment is " + prod.runtime() + ": infra/ writes no runtime module for it yet; the network, "
          + "data stores, keys, secrets, identities and registry are there.");
    }
    String dr = facts.plan().decision("backup-dr").map(d -> d.choice()).orElse("");
    Optional<SecondRegion> second = new Environments(facts).secondRegion();
    if (second.isPresent()) {
      notes.add("backup-dr is " + dr + ": infra/envs/" + second.get().root() + " builds the second region ("
          + second.get().region() + ") " + (prod.databases().isEmpty() ? "with no managed SQL database to replicate"
          : "with replicas of production's databases") + (facts.plan().requirements().project().cloud() == Cloud.GCP
          ? " in production's Google Cloud project (Cloud SQL keeps a replica in its primary's project), on production's"
          + " network" : "") + (SecondRegion.recordsPublicHost(facts.plan().requirements().project().cloud(),
          prod.runtime()) ? ", and each production root's Route 53 record of the public host moves clients between"
          + " the regions (variable " + PublicHost.ZONE_VARIABLE + ")" : ", but no DNS failover or global load balancer"
          + " in front of both regions is written (RUNBOOK.md says what a person points the public host at)")
          + (SecondRegion.deployed(facts.plan()).isPresent() ? "; the deploy workflow's job " + second.get().root()
          + " deploys each release there after production's." : ", and the deploy workflow deploys the services into "
          + "production's region only."));
    } else if (SecondRegion.notForCells(facts.plan()).isPresent()) {
      notes.add(SecondRegion.notForCells(facts.plan()).get());
    } else if (dr.equals(SecondRegion.WARM) || dr.equals(SecondRegion.ACTIVE)) {
      notes.add("backup-dr is " + dr + ": the root modules describe one region; the second region (its "
          + "cross-region database replica and stack) is not written (the home cell has no second region on "
          + prod.cloud() + ").");
    }
    if (facts.plan().cells().residency() && facts.plan().cells().servingPerCell() > 1) {
      notes.add("each cell serves from " + facts.plan().cells().servingPerCell() + " regions: its root module "
          + "describes the first; apply it once per serving region of the cell with its own variables.");
    } else if (!facts.plan().cells().residency()
        && facts.plan().requirements().scale().regions() > (second.filter(s -> !s.warm()).isPresent() ? 2 : 1)) {
      notes.add("scale.regions is " + facts.plan().requirements().scale().regions() + ": each root module "
          + "describes one region; apply it once per region with its own variables.");
    }
    return notes;
  }

  @Override
  public List<String> warnings(Facts facts) {
    return view(facts).notes().stream().map(n -> "infra: " + n).toList();
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return path.startsWith(ROOT) && path.endsWith(".tf") ? Optional.of(HCL) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new InfraValidator());
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new EndpointsHaveInfrastructure(), new DescriptorsMatchInfrastructure(),
        new BackupsReachRecoveryRegion(), new ImagesComeFromRegistry(), new WorkflowsLogInAsInfraIdentities(),
        new SecondRegionReplicatesDatabases(), new ArgumentsInRange(), new PrivateServicesReachable(),
        new DeployReachesCluster(), new NamesFitAndDiffer());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(README, "OpenTofu/Terraform for the chosen cloud: shared modules and one root "
        + "module per environment", ContentsEntry.Group.DOCUMENT, plan.blueprint().deliverables().indexOf(id())));
  }
}
