package dev.archforge.deliverable.infra;

import dev.archforge.decide.capacity.DatabaseSize;
import dev.archforge.decide.capacity.NodePool;
import dev.archforge.decide.capacity.SecretVariables;
import dev.archforge.deliverable.infra.RootParts.BackupView;
import dev.archforge.deliverable.infra.RootParts.CacheView;
import dev.archforge.deliverable.infra.RootParts.ClusterView;
import dev.archforge.deliverable.infra.RootParts.DatabaseView;
import dev.archforge.deliverable.infra.RootParts.SecretView;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Naming;
import dev.archforge.facts.deploy.Backups;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.Endpoints.Endpoint;
import dev.archforge.facts.deploy.Endpoints;
import dev.archforge.facts.deploy.PublicHost;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.facts.schema.DynamoTableName;
import dev.archforge.model.Cloud;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * The three environments' root modules from one plan. Production is sized from CAPACITY.md's
 * figures and the decisions (standby, replicas, backups); dev and staging run the smallest sizes,
 * without standby or replicas, so that they cost little and start fast.
 */
final class Environments {
  static final List<String> NAMES = List.of("dev", "staging", "prod");
  static final int MIN_STORAGE_GB = 20;
  /**
   * Days dev and staging keep their automated backups: the shortest retention every cloud's managed
   * database takes (Azure Database for PostgreSQL flexible server keeps 7 to 35; rule arguments-in-range).
   */
  static final int MIN_BACKUP_DAYS = 7;
  /** From this availability the cache keeps a replica in another zone (as the cost estimate counts it). */
  static final double CACHE_REPLICA_AVAILABILITY = 99.95;

  private final Facts facts;
  private final Plan plan;
  private final Cloud cloud;
  private final RuntimeModule runtimeModule;
  private final Brokers brokers;

  Environments(Facts facts) {
    this.facts = facts;
    this.plan = facts.plan();
    this.cloud = plan.requirements().project().cloud();
    this.runtimeModule = new RuntimeModule(facts);
    this.brokers = new Brokers(facts);
  }

  /**
   * Every root module: dev, staging and prod; under {@code dataResidency}, prod is one root per
   * cell ({@code prod-<jurisdiction>}) in that cell's primary region, so each jurisdiction's
   * databases, backups and keys are created in its own region only.
   */
  List<EnvView> all() {
    List<EnvView> all = new ArrayList<>();
    for (String name : NAMES) {
      if (name.equals("prod") && plan.cells().residency()) {
        plan.cells().cells().forEach(c -> all.add(env(name, c.primary().orElse(Clouds.region(cloud)), c.jurisdiction())));
      } else {
        all.add(env(name));
      }
    }
    secondRegion().ifPresent(s -> all.add(env("prod", s.root(), s.region(), "")));
    return all;
  }

  /** Whether the runtime reads each secret variable's entry whole (Cloud Run, Container Apps): {@link Endpoints#secretEntries}. */
  boolean secretsPerVariable() {
    return runtimeModule.managedContainers() && SecretVariables.perVariable(cloud, plan.choices());
  }

  /** The second production region infra/ writes a root for (backup-dr's, on a cloud it writes it for). */
  java.util.Optional<SecondRegion> secondRegion() {
    return SecondRegion.written(plan);
  }

  /** The root of one environment in the home cell's primary region. */
  EnvView env(String env) {
    return env(env, plan.cells().primaryRegion().orElse(Clouds.region(cloud)), "");
  }

  /** The root of {@code tier} in {@code region}; {@code cell} is the jurisdiction of a cell's root, else empty. */
  private EnvView env(String tier, String region, String cell) {
    return env(tier, cell.isEmpty() ? tier : tier + "-" + cell, region, cell);
  }

  /**
   * The root {@code env} of {@code tier} in {@code region}. The second production region's root
   * ({@link SecondRegion#root()}) creates its databases as replicas of production's, without read
   * replicas of its own or a copy of their backups: production's root keeps those.
   */
  private EnvView env(String tier, String env, String region, String cell) {
    SecondRegion second = secondRegion().filter(s -> env.equals("prod") || env.equals(s.root())).orElse(null);
    boolean replicas = second != null && env.equals(second.root());
    boolean small = !tier.equals("prod");
    List<Endpoint> endpoints = Endpoints.of(facts.deployables());
    List<DatabaseView> databases = new ArrayList<>();
    CacheView cache = null;
    BrokerView broker = null;
    List<String> external = new ArrayList<>();
    for (Endpoint e : endpoints) {
      switch (e.role()) {
        case "database" -> {
          if (e.technology().equals("postgresql") || e.technology().equals("mysql")) {
            DatabaseView d = database(e, small, env, small || replicas ? "" : backupRegion(cell));
            databases.add(replicas ? replicaOf(d) : d);
          } else {
            external.add(e.name());
          }
        }
        case "cache" -> cache = cache(e, small);
        default -> {
          if (brokers.managed(e.technology())) {
            broker = brokers.broker(e, small);
          } else {
            external.add(e.name());
          }
        }
      }
    }
    if (broker == null && Deployables.choice(plan, "messaging", "none").equals("cloud-pubsub")
        && !facts.messaging().channels().isEmpty()) {
      broker = brokers.pubsub();
    }
    List<String> deployables = facts.deployables().stream().map(Deployable::name).toList();
    List<SecretView> secrets = facts.deployables().stream().flatMap(d -> Endpoints.secretEntries(cloud, d,
        secretsPerVariable(), env).stream().map(entry -> new SecretView(d.name(), entry))).toList();
    String runtime = Deployables.choice(plan, "deployment", "kubernetes");
    return new EnvView(plan.requirements().project().name(), cloud.spelling(), env, region,
        Hcl.quote(plan.blueprint().defaults().costCentre()), cidr(tier, replicas),
        Endpoints.ZONE, runtime, databases, cache, broker, runtime.equals("kubernetes") ? cluster(small, env) : null,
        deployables, secrets, external, tier, cell, runtimeModule.routes(), runtimeModule.managedContainers(),
        runtimeModule.scaling(tier), Deployables.cpuTargetPercent(plan),
        runtimeModule.vm() ? Machines.of(cloud, facts.deployables(), small) : List.of(), runtimeModule.collectorWrites(),
        backup(tier, small || replicas ? "" : backupRegion(cell)), second, PublicHost.of(plan),
        plan.cells().testFolder());
  }

  /**
   * The network's address range of a root: 10.10/16 for dev, 10.20/16 staging, 10.30/16 production. On
   * gcp the second region's root adds a subnet to production's network, which is global, so it takes
   * 10.40/16, none of production's.
   */
  private String cidr(String tier, boolean secondRegion) {
    int index = secondRegion && cloud == Cloud.GCP ? NAMES.size() : NAMES.indexOf(tier);
    return "10." + (index + 1) * 10 + ".0.0/16";
  }

  /** A database of the second region's root: a replica of production's, sized as it is, with no replicas of its own. */
  private static DatabaseView replicaOf(DatabaseView d) {
    return new DatabaseView(d.key(), d.name(), d.engine(), d.version(), d.port(), d.dbName(), d.instance(), d.vcpu(),
        d.storageGb(), d.maxStorageGb(), d.standby(), 0, d.backupDays(), d.pitr(), "a replica of production's "
        + d.name() + ", sized as it is so that it can take its load when promoted (" + d.sizing() + ")", "");
  }

  /**
   * The recovery region a production root copies its databases' backups to: its cell's (the home
   * cell's without {@code dataResidency}), when the backup decision copies backups (all but nightly
   * snapshots); empty when it does not or the cell has none.
   */
  private String backupRegion(String cell) {
    boolean copies = Backups.of(plan).copies();
    var of = cell.isEmpty() ? plan.cells().cells().stream().findFirst() : plan.cells().cell(cell);
    return copies ? of.flatMap(dev.archforge.model.Cell::recovery).orElse("") : "";
  }

  /**
   * On aws, the AWS Backup plan of the DynamoDB tables, kept {@link Backups#tableBackupDays()} in
   * production and a week elsewhere, copied where the databases' backups are; null without tables.
   */
  private BackupView backup(String tier, String copyRegion) {
    List<String> tables = DynamoTableName.all(facts.schemas(), plan.requirements());
    if (cloud != Cloud.AWS || tables.isEmpty()) {
      return null;
    }
    return new BackupView(tables, tier.equals("prod") ? Backups.of(plan).tableBackupDays() : 7, copyRegion);
  }

  private DatabaseView database(Endpoint e, boolean small, String env, String backupRegion) {
    String owner = e.users().get(0);
    Deployable d = facts.deployables().stream().filter(x -> x.name().equals(owner)).findFirst().orElseThrow();
    DatabaseSize size = DatabaseSize.of(d.sizing(), plan.requirements().scale().readRatio(), cacheChosen(),
        plan.chose("scaling", "autoscaling-and-read-replicas"));
    int vcpu = size.vcpu();
    int replicas = size.replicas();
    double share = entityShare(d);
    int storage = Math.max(MIN_STORAGE_GB, (int) Math.ceil(figure("provisionedGb36") * share));
    boolean pitr = Backups.of(plan).pitr();
    int retention = Backups.of(plan).retentionDays();
    String how = size.vcpuFormula() + "; storage " + storage
        + " GB = provisionedGb36 " + Driver.number(figure("provisionedGb36")) + " × " + Driver.number(share)
        + " (its share of the entities); read replicas " + size.replicaFormula();
    int dbVcpu = small ? 2 : vcpu;
    return new DatabaseView(d.name(), e.name(), e.technology(), e.technology().equals("mysql") ? "8.0" : "16",
        e.port(), Naming.snake(d.name()), Clouds.database(cloud, e.technology(), vcpu, small),
        dbVcpu, small ? MIN_STORAGE_GB : storage, small ? MIN_STORAGE_GB * 2 : storage * 2,
        !small && pitr, small ? 0 : replicas, small ? MIN_BACKUP_DAYS : retention, pitr && !env.equals("dev"),
        small ? "the smallest size: " + env + " is not sized from CAPACITY.md" : how, backupRegion);
  }

  private double entityShare(Deployable d) {
    long all = plan.requirements().services().stream().mapToLong(s -> s.entities().size()).sum();
    long own = plan.requirements().services().stream().filter(s -> d.modules().contains(s.name()))
        .mapToLong(s -> s.entities().size()).sum();
    return all == 0 ? 1 : (double) own / all;
  }

  private boolean cacheChosen() {
    String caching = Deployables.choice(plan, "caching", "none");
    return !caching.equals("none");
  }

  private CacheView cache(Endpoint e, boolean small) {
    int memory = small ? 1 : Math.max(1, (int) Math.ceil(figure("cacheGb")));
    boolean replica = !small && plan.requirements().scale().availability() >= CACHE_REPLICA_AVAILABILITY;
    return new CacheView(e.name(), Clouds.cache(cloud, memory, small), memory,
        Clouds.azureCacheCapacity(memory, small), replica, small ? "the smallest size"
            : "memory " + memory + " GB = ceil(cacheGb " + Driver.number(figure("cacheGb")) + ")" + (replica
                ? "; a replica in another zone from availability " + CACHE_REPLICA_AVAILABILITY + " %" : ""));
  }

  private ClusterView cluster(boolean small, String env) {
    NodePool pool = NodePool.of(facts.deployables().stream().map(Deployable::sizing).toList());
    int min = small ? 1 : pool.min();
    int max = small ? (env.equals("dev") ? 2 : 3) : pool.max();
    return new ClusterView(dev.archforge.facts.deploy.CloudNames.cluster(plan.requirements().project().name(), env),
        Clouds.node(cloud), min, max, small ? "the smallest size" : pool.formula());
  }

  private double figure(String key) {
    return plan.capacity().figure(key).map(Figure::value).orElse(0.0);
  }
}
