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
   * The clouds whose deploy workflow deploys each release into the second region after production: on
   * gcp its root shares production's global names (service accounts, secret entries), so production's
   * descriptors and overlay hold there as written. On aws and azure its root names identities of its
   * own (a region suffix, its own Key Vault), which no deploy job puts in place yet, nor does the
   * virtual machines' job find the standby's own base instance template in the shared project: RUNBOOK.md's
   * failover deploys there by hand.
   */
  public static final java.util.Set<Cloud> DEPLOYED = java.util.Set.of(Cloud.GCP);

  /** The second region when the deploy workflow deploys into it ({@link #DEPLOYED}, not on vm), else empty. */
  public static Optional<SecondRegion> deployed(Plan plan) {
    return DEPLOYED.contains(plan.requirements().project().cloud())
        && !Deployables.choice(plan, "deployment", "").equals("vm") ? written(plan) : Optional.empty();
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
    steps.add("Move the traffic: point the public host name at " + region + "'s load balancer (or take " + primaryRegion
        + " out of the global load balancer) and watch the SLO dashboards.");
    steps.add("Fail back when " + primaryRegion + " is healthy: rebuild `infra/envs/" + PRIMARY_ROOT + "`'s databases as"
        + " replicas of the promoted ones, switch over in a maintenance window, then recreate this root's replicas.");
    return steps;
  }
}
