package dev.archforge.facts.deploy;

import dev.archforge.facts.Facts;
import dev.archforge.model.Cell;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second production region that backup-dr's {@code warm-standby-region} or {@code active-active}
 * asks for, decided here once for infra/ (its root module) and RUNBOOK.md (its promotion): a warm
 * standby waits in the home cell's recovery region (where the backups go too), a second active
 * region is the home cell's second serving region (else its recovery region). Its root's name has a
 * second hyphen, so no rule reads it as a cell's {@code prod-<jurisdiction>}. Empty under
 * {@code dataResidency} (backup-dr is then cell-local), for other choices, and when the cell has no
 * second region.
 *
 * @param mode {@code warm-standby-region} or {@code active-active}
 * @param root the root module of infra/ that builds it ({@link #WARM_ROOT} or {@link #ACTIVE_ROOT})
 * @param primaryRegion the region of production's root ({@code prod}), whose databases it replicates
 * @param region the second region
 */
public record SecondRegion(String mode, String root, String primaryRegion, String region) {
  public static final String WARM = "warm-standby-region";
  public static final String ACTIVE = "active-active";
  public static final String WARM_ROOT = "prod-warm-standby";
  public static final String ACTIVE_ROOT = "prod-second-region";
  /** The root whose databases the second region replicates. */
  public static final String PRIMARY_ROOT = "prod";
  /** The root variable that turns the replicas into primaries and the standby into production. */
  public static final String PROMOTED = "promoted";
  /** The root variable that names each primary database the replicas copy (its ARN or resource ID). */
  public static final String PRIMARIES = "primary_databases";

  /**
   * The clouds whose second region infra/ writes a root for: every cloud with infra/. On gcp the root
   * lives in production's Google Cloud project (a Cloud SQL replica lives in its primary's project) and
   * leaves the project's global resources (service accounts, secret entries, Pub/Sub, the private zone)
   * to production's root.
   */
  public static final java.util.Set<Cloud> WRITTEN = java.util.Set.of(Cloud.AWS, Cloud.AZURE, Cloud.GCP);

  /**
   * The clouds whose deploy workflow deploys each release into the second region after production, in
   * a job of its own (its GitHub environment, its root's deploy identity): every cloud with infra/. The
   * files it applies are rendered for its root like a cell's, in {@link #folder()} of the runtime's
   * folder (an overlay, descriptors, a SAM template or user data naming its region, roles, vault and
   * registry), except on gcp virtual machines, whose job takes the newest base instance template by
   * name in the project both regions share: there RUNBOOK.md's failover deploys by hand.
   */
  public static final java.util.Set<Cloud> DEPLOYED = java.util.Set.of(Cloud.AWS, Cloud.AZURE, Cloud.GCP);

  /** The second region when the deploy workflow deploys into it ({@link #DEPLOYED}, not gcp's vm), else empty. */
  public static Optional<SecondRegion> deployed(Plan plan) {
    return deployedOn(plan.requirements().project().cloud(), Deployables.choice(plan, "deployment", ""))
        ? written(plan) : Optional.empty();
  }

  /** Whether the deploy workflow deploys into the second region on this cloud and deployment choice. */
  public static boolean deployedOn(Cloud cloud, String deployment) {
    return DEPLOYED.contains(cloud) && !(cloud == Cloud.GCP && deployment.equals("vm"));
  }

  /**
   * The folder, inside a runtime's folder of deploy/ ({@code deploy/ecs/}, {@code deploy/k8s/overlays/},
   * {@code deploy/sam/}, {@code deploy/vm/}), of the files rendered for this root: its name and a slash.
   */
  public String folder() {
    return root + "/";
  }

  /** The registry this root creates in its region, which its runtime pulls from (facts/deploy/Registries). */
  public Registries.Registry registry(Plan plan) {
    return Registries.of(plan.requirements().project().cloud(), plan.requirements().project().name(), root, region);
  }

  /** The second region when infra/ writes its root ({@link #WRITTEN}), else empty. */
  public static Optional<SecondRegion> written(Plan plan) {
    return WRITTEN.contains(plan.requirements().project().cloud()) ? of(plan) : Optional.empty();
  }

  /** The second region backup-dr asks for, whether or not infra/ writes it. */
  public static Optional<SecondRegion> of(Plan plan) {
    String mode = Deployables.choice(plan, "backup-dr", "");
    if (plan.cells().residency() || !(mode.equals(WARM) || mode.equals(ACTIVE))) {
      return Optional.empty();
    }
    Optional<Cell> home = plan.cells().cells().stream().findFirst();
    Optional<String> primary = home.flatMap(Cell::primary);
    Optional<String> second = home.flatMap(c -> mode.equals(ACTIVE) && c.serving().size() > 1
        ? Optional.of(c.serving().get(1)) : c.recovery());
    if (primary.isEmpty() || second.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SecondRegion(mode, mode.equals(WARM) ? WARM_ROOT : ACTIVE_ROOT, primary.get(),
        second.get()));
  }

  /**
   * What every file that mentions backup-dr's second region says when {@code dataResidency} splits the
   * system into cells: none is written for them, so each cell recovers from its backups in its recovery
   * region. Empty when backup-dr asks for no second region or there are no cells.
   */
  public static Optional<String> notForCells(Plan plan) {
    String mode = Deployables.choice(plan, "backup-dr", "");
    if (!plan.cells().residency() || !(mode.equals(WARM) || mode.equals(ACTIVE))) {
      return Optional.empty();
    }
    return Optional.of("backup-dr is " + mode + ", but under dataResidency no second region is written for the"
        + " cells: no cell has a standby or replica of its databases outside its primary region, none is priced,"
        + " and each recovers from the backups copied to its recovery region.");
  }

  /**
   * Where the public host's records move clients (facts/deploy/PublicHost): on aws, where infra/ creates
   * the load balancer in front of the public deployables (managed containers, virtual machines), each
   * production root adds its Route 53 record (a failover pair, or latency records for active-active);
   * elsewhere the step a person takes, naming the host and where the second region's address is.
   */
  private String trafficStepMd(Plan plan, List<Deployable> deployables) {
    String host = PublicHost.of(plan).name();
    String deployment = Deployables.choice(plan, "deployment", "");
    if (deployables.stream().noneMatch(Deployable::isPublic)) {
      return "Move the traffic: no deployable is public, so no public host moves; the callers in " + region
          + " reach the services there. Watch the SLO dashboards.";
    }
    String record = "`aws_route53_record.public` of `infra/envs/" + PRIMARY_ROOT + "` and of `infra/envs/" + root
        + "` (records of `" + host + "` in the hosted zone the roots' variable `" + PublicHost.ZONE_VARIABLE
        + "` names; none while it is empty)";
    if (recordsPublicHost(plan.requirements().project().cloud(), deployment)) {
      return "Move the traffic: Route 53 does it. " + (warm() ? "The failover pair " + record + " answers with "
          + region + "'s load balancer once none of " + primaryRegion + "'s target groups has a healthy target"
          : "The latency records " + record + " stop answering with " + primaryRegion + " once none of its load"
          + " balancer's target groups has a healthy target") + ". To move clients while " + primaryRegion
          + " still answers (its data, not its machines, is lost), remove its record: `tofu -chdir=infra/envs/"
          + PRIMARY_ROOT + " destroy -target='aws_route53_record.public[0]'`. Watch the SLO dashboards.";
    }
    String address = switch (deployment) {
      case "kubernetes" -> "the address of the Gateway `" + plan.requirements().project().name() + "` on the root's"
          + " cluster (`kubectl -n " + plan.requirements().project().name() + "-prod get gateway "
          + plan.requirements().project().name() + " -o jsonpath='{.status.addresses[0].value}'`), whose load"
          + " balancer the Gateway's controller makes";
      case "serverless" -> plan.requirements().project().cloud() == Cloud.AWS ? "the HTTP API of the stack `"
          + plan.requirements().project().name() + "-" + root + "` (a custom domain of `" + host + "` in " + region
          + ", with its certificate)" : "the root's services' URLs (behind a load balancer or custom domain of `" + host
          + "` in " + region + ")";
      default -> "the root's public load balancer (its address is an output of the root's runtime module)";
    };
    return "Move the traffic: infra/ writes no record for `" + host + "` on this cloud and runtime. In the team's DNS"
        + " zone, point `" + host + "` at " + address + " with a short TTL (60 s), or take " + primaryRegion
        + " out of the global load balancer in front of both regions if the team runs one. Watch the SLO dashboards.";
  }

  /**
   * Whether each production root records the public host in the team's zone, routing clients between the
   * regions: on aws where infra/ creates the load balancer of the public deployables (managed containers,
   * virtual machines). A Kubernetes Gateway's load balancer is its controller's, SAM's HTTP API needs a
   * custom domain, and Traffic Manager and Cloud DNS routing are not written yet: RUNBOOK.md's step is a person's.
   */
  public static boolean recordsPublicHost(Cloud cloud, String deployment) {
    return cloud == Cloud.AWS && (deployment.equals("managed-containers") || deployment.equals("vm"));
  }

  /** {@link #PRIMARY_ROOT}, for templates. */
  public String primaryRoot() {
    return PRIMARY_ROOT;
  }

  /** {@link #PRIMARIES}, for templates. */
  public String primariesVariable() {
    return PRIMARIES;
  }

  /** {@link #PROMOTED}, for templates. */
  public String promotedVariable() {
    return PROMOTED;
  }

  /** Whether the second region waits at its floor until promoted (else it serves at full size). */
  public boolean warm() {
    return mode.equals(WARM);
  }

  /** The instance name of a database in {@code root}, as infra/ names it: {@code <project>-<root>-<endpoint>}. */
  public static String instance(String project, String root, String endpoint) {
    return project + "-" + root + "-" + endpoint;
  }

  /**
   * The steps RUNBOOK.md gives to fail over to the second region: its replicas are promoted by the
   * same root that created them ({@code -var promoted=true}), named from the same endpoints.
   */
  public List<String> promoteStepsMd(Facts facts) {
    Plan plan = facts.plan();
    Cloud cloud = plan.requirements().project().cloud();
    String project = plan.requirements().project().name();
    List<String> steps = new ArrayList<>();
    steps.add("Declare the failover: " + primaryRegion + " is down or cannot write; the person the backup-dr record"
        + " names decides. Writes made in the last seconds before the outage may be lost (asynchronous replication).");
    List<String> replicas = new ArrayList<>();
    for (Endpoints.Endpoint db : Endpoints.of(facts.deployables())) {
      if (db.role().equals("database") && (db.technology().equals("postgresql") || db.technology().equals("mysql"))) {
        replicas.add("`" + instance(project, root, db.name()) + "` (of `" + instance(project, PRIMARY_ROOT, db.name())
            + "`)");
      }
    }
    if (!replicas.isEmpty()) {
      steps.add("Check how far the replicas lag (" + switch (cloud) {
        case AWS -> "CloudWatch `ReplicaLag` in " + region;
        case AZURE -> "the metric `physical_replication_delay_in_seconds` (PostgreSQL) or `replication_lag` (MySQL)"
            + " in " + region;
        default -> "the metric `cloudsql.googleapis.com/database/replication/replica_lag`";
      } + "): " + String.join(", ", replicas) + ".");
    }
    if (cloud == Cloud.GCP) {
      steps.add("Check the secret entries: production created them with a copy in " + region + ", unless its root was"
          + " applied before backup-dr asked for the second region (Secret Manager cannot add a region to an entry,"
          + " and infra/ never replaces one): such entries are in " + primaryRegion + " alone and unreadable while it"
          + " is down. Copy them beforehand as infra/README.md says (`gcloud secrets describe ID` lists an entry's"
          + " replicas).");
      String zone = Endpoints.ZONE;
      steps.add("Promote: `tofu apply -var " + PROMOTED + "=true` in `infra/envs/" + root + "` turns every replica into"
          + " a standalone instance (or `gcloud sql instances promote-replica` each, then the apply).");
      steps.add("Point the private names at " + region + ": production's private zone `" + zone + "` (Cloud DNS zone `"
          + zone.replace('.', '-') + "`) serves both regions, so for each entry of `tofu -chdir=infra/envs/" + root
          + " output -json records` run `gcloud dns record-sets update NAME." + zone + ". --zone=" + zone.replace('.', '-')
          + " --type=TYPE --ttl=60 --rrdatas=VALUE`.");
    } else {
      steps.add("Promote: `tofu apply -var " + PROMOTED + "=true` in `infra/envs/" + root + "` turns every replica into"
          + " a writable primary; the root's private DNS names already point at them.");
    }
    if (deployed(plan).isPresent()) {
      steps.add("Check that the current release runs there: the deploy workflow's job `" + root + "` (its GitHub"
          + " environment) deploys every release into " + region + " after production's; re-run it if it did not.");
    } else {
      steps.add("Deploy the current release into the root's runtime: the deploy workflow deploys into " + primaryRegion
          + " only, so run its production job with this root's names. The images are already in its registry (the ci"
          + " workflow pushes there).");
    }
    steps.add(trafficStepMd(plan, facts.deployables()));
    steps.add("Fail back when " + primaryRegion + " is healthy: rebuild `infra/envs/" + PRIMARY_ROOT + "`'s databases as"
        + " replicas of the promoted ones, switch over in a maintenance window, then recreate this root's replicas.");
    return steps;
  }
}
