package dev.archforge.deliverable.infra;

import dev.archforge.deliverable.infra.EnvView.BrokerView;
import dev.archforge.deliverable.infra.EnvView.CacheView;
import dev.archforge.deliverable.infra.EnvView.ClusterView;
import dev.archforge.deliverable.infra.EnvView.DatabaseView;
import dev.archforge.deliverable.infra.EnvView.SecretView;
import dev.archforge.deliverable.infra.EnvView.SubscriptionView;
import dev.archforge.deliverable.infra.EnvView.TopicView;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Naming;
import dev.archforge.facts.deploy.Backups;
import dev.archforge.facts.deploy.ConsumerTrigger;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.Endpoints.Endpoint;
import dev.archforge.facts.deploy.Endpoints;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.facts.messaging.MessageRoutes;
import dev.archforge.facts.schema.DynamoTableName;
import dev.archforge.model.Cloud;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Plan;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.List;

/**
 * The three environments' root modules from one plan. Production is sized from CAPACITY.md's
 * figures and the decisions (standby, replicas, backups); dev and staging run the smallest sizes,
 * without standby or replicas, so that they cost little and start fast.
 */
final class Environments {
  static final List<String> NAMES = List.of("dev", "staging", "prod");
  /** Connections one database vCPU is given (managed PostgreSQL and MySQL allow about this many per vCPU). */
  static final int CONNECTIONS_PER_VCPU = 100;
  /** Uncached reads one database vCPU serves per second: the cost model's figure for short OLTP queries. */
  static final int READS_PER_VCPU = 500;
  /** Share of reads that reach the database when a cache is chosen. */
  static final double UNCACHED = 0.2;
  static final int MAX_REPLICAS = 5;
  static final int MIN_STORAGE_GB = 20;
  /**
   * Days dev and staging keep their automated backups: the shortest retention every cloud's managed
   * database takes (Azure Database for PostgreSQL flexible server keeps 7 to 35; rule arguments-in-range).
   */
  static final int MIN_BACKUP_DAYS = 7;
  /** From this availability the cache keeps a replica in another zone (as the cost estimate counts it). */
  static final double CACHE_REPLICA_AVAILABILITY = 99.95;
  /** The topics' retention and replicas, as api/asyncapi.yaml declares them. */
  static final int RETENTION_DAYS = 7;
  static final int TOPIC_REPLICAS = 3;
  /** Average event size assumed for broker storage, in KB. */
  static final double EVENT_KB = 1;
  /** Events per second one Event Hubs throughput unit takes in. */
  static final int EVENTS_PER_THROUGHPUT_UNIT = 1000;

  private final Facts facts;
  private final Plan plan;
  private final Cloud cloud;
  private final RuntimeModule runtimeModule;

  Environments(Facts facts) {
    this.facts = facts;
    this.plan = facts.plan();
    this.cloud = plan.requirements().project().cloud();
    this.runtimeModule = new RuntimeModule(facts);
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
          if (managedBroker(e.technology())) {
            broker = broker(e, small);
          } else {
            external.add(e.name());
          }
        }
      }
    }
    if (broker == null && Deployables.choice(plan, "messaging", "none").equals("cloud-pubsub")
        && !facts.messaging().channels().isEmpty()) {
      broker = pubsub(region);
    }
    List<String> deployables = facts.deployables().stream().map(Deployable::name).toList();
    List<SecretView> secrets = facts.deployables().stream().filter(d -> !d.secrets().isEmpty())
        .map(d -> new SecretView(d.name(), Endpoints.secretKey(cloud, d))).toList();
    String runtime = Deployables.choice(plan, "deployment", "kubernetes");
    return new EnvView(plan.requirements().project().name(), cloud.spelling(), env, region,
        Hcl.quote(plan.blueprint().defaults().costCentre()), "10." + (NAMES.indexOf(tier) + 1) * 10 + ".0.0/16",
        Endpoints.ZONE, runtime, databases, cache, broker, runtime.equals("kubernetes") ? cluster(small, env) : null,
        deployables, secrets, external, tier, cell, runtimeModule.routes(), runtimeModule.managedContainers(),
        runtimeModule.scaling(tier), Deployables.cpuTargetPercent(plan),
        runtimeModule.vm() ? Machines.of(cloud, facts.deployables(), small) : List.of(), runtimeModule.collectorWrites(),
        backup(tier, small || replicas ? "" : backupRegion(cell)), second);
  }

  /** A database of the second region's root: a replica of production's, sized as it is, with no replicas of its own. */
  private static DatabaseView replicaOf(DatabaseView d) {
    return new DatabaseView(d.key(), d.name(), d.engine(), d.version(), d.port(), d.dbName(), d.instance(), d.vcpu(),
        d.storageGb(), d.maxStorageGb(), d.standby(), 0, d.backupDays(), d.pitr(), "a replica of production's "
        + d.name() + ", sized as it is so that it can take its load when promoted (" + d.sizing() + ")", "");
  }

  /** Whether this cloud offers the broker as a managed service archforge writes. */
  boolean managedBroker(String technology) {
    return technology.equals("kafka") || technology.equals("rabbitmq") && cloud == Cloud.AWS;
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
  private EnvView.BackupView backup(String tier, String copyRegion) {
    List<String> tables = DynamoTableName.all(facts.schemas(), plan.requirements());
    if (cloud != Cloud.AWS || tables.isEmpty()) {
      return null;
    }
    return new EnvView.BackupView(tables, tier.equals("prod") ? Backups.of(plan).tableBackupDays() : 7, copyRegion);
  }

  private DatabaseView database(Endpoint e, boolean small, String env, String backupRegion) {
    String owner = e.users().get(0);
    Deployable d = facts.deployables().stream().filter(x -> x.name().equals(owner)).findFirst().orElseThrow();
    ServiceSizing sizing = d.sizing();
    int connections = sizing.dbConnections();
    int vcpu = Clouds.DB_VCPU.stream().filter(v -> v * CONNECTIONS_PER_VCPU >= connections).findFirst()
        .orElse(Clouds.DB_VCPU.get(Clouds.DB_VCPU.size() - 1));
    double share = entityShare(d);
    int storage = Math.max(MIN_STORAGE_GB, (int) Math.ceil(figure("provisionedGb36") * share));
    boolean cached = cacheChosen();
    double reads = sizing.rps() * plan.requirements().scale().readRatio() * (cached ? UNCACHED : 1);
    int replicas = plan.chose("scaling", "autoscaling-and-read-replicas")
        ? Math.min(MAX_REPLICAS, Math.max(1, (int) Math.ceil(reads / (vcpu * READS_PER_VCPU)))) : 0;
    boolean pitr = Backups.of(plan).pitr();
    int retention = Backups.of(plan).retentionDays();
    String how = "vCPU " + vcpu + " = smallest of " + Clouds.DB_VCPU + " with vCPU × " + CONNECTIONS_PER_VCPU
        + " >= " + connections + " connections (" + d.name() + ".dbConnections); storage " + storage
        + " GB = provisionedGb36 " + Driver.number(figure("provisionedGb36")) + " × " + Driver.number(share)
        + " (its share of the entities); read replicas " + replicas + " = ceil(" + Driver.number(reads)
        + " uncached reads/s / (vCPU × " + READS_PER_VCPU + "))" + " when scaling chose read replicas";
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

  private BrokerView broker(Endpoint e, boolean small) {
    MessageRoutes routes = facts.messaging();
    List<TopicView> topics = routes.channels().stream().map(c -> new TopicView(c.address(),
        (int) Math.round(plan.capacity().figure("partitions." + c.event().name()).map(Figure::value).orElse(3.0)))).toList();
    double eventRps = plan.capacity().figures().stream().filter(f -> f.key().startsWith("eventRps."))
        .mapToDouble(Figure::value).sum();
    int nodes = 3;
    int storage = Math.max(100, (int) Math.ceil(eventRps * EVENT_KB * RETENTION_DAYS * 86_400 / 1e6 * TOPIC_REPLICAS
        / nodes * 1.5));
    int units = Math.max(1, Math.min(16, (int) Math.ceil(eventRps / EVENTS_PER_THROUGHPUT_UNIT)));
    if (cloud == Cloud.AZURE) {
      // Event Hubs: Premium takes 1, 2, 4, 8 or 16 processing units and 100 partitions a hub, Standard 32
      units = Integer.highestOneBit(units) == units ? units : Integer.highestOneBit(units) * 2;
      int most = small ? 32 : 100;
      topics = topics.stream().map(t -> new TopicView(t.name(), Math.min(most, t.partitions()))).toList();
    }
    String how = "storage per broker " + storage + " GB = max(100, Σ eventRps " + Driver.number(eventRps) + " × "
        + Driver.number(EVENT_KB) + " KB × " + RETENTION_DAYS + " days × " + TOPIC_REPLICAS + " replicas / " + nodes
        + " brokers × 1.5)" + (cloud == Cloud.AZURE ? "; Event Hubs units " + units + " = ceil(Σ eventRps / "
        + EVENTS_PER_THROUGHPUT_UNIT + ") to a power of two" : "");
    return new BrokerView(e.name(), e.technology(), Clouds.broker(cloud, e.technology(), small), nodes,
        small ? 100 : storage, small ? 1 : units, topics, List.of(), small ? "the smallest size" : how, e.port(),
        Deployables.mutualTls(plan), e.users());
  }

  /** The cloud's publish/subscribe service: a topic per channel, a subscription (or queue) per consumer and topic. */
  private BrokerView pubsub(String region) {
    MessageRoutes routes = facts.messaging();
    String project = plan.requirements().project().name();
    List<TopicView> topics = routes.channels().stream().map(c -> new TopicView(c.address(), 0)).distinct().toList();
    List<SubscriptionView> subscriptions = new ArrayList<>();
    List<ConsumerTrigger> pushes = ConsumerTrigger.of(plan, facts.deployables(), routes).stream()
        .filter(t -> t.kind().equals("pubsub-push")).toList();
    for (MessageRoutes.Consumer c : routes.consumers()) {
      for (String topic : c.topics()) {
        String name = routes.transport().queue(project, c.service(), topic);
        // functions on Cloud Run are pushed their messages: nothing runs to pull them
        subscriptions.add(pushes.stream().filter(t -> t.subscription().equals(name)).findFirst()
            .map(t -> new SubscriptionView(name, topic, name + "|" + topic,
                ConsumerTrigger.cloudRunUrl(t.deployable(), "${data.google_project.this.number}", "${var.region}")
                    + ConsumerTrigger.PUSH_PATH, t.deployable()))
            .orElse(new SubscriptionView(name, topic, name + "|" + topic)));
      }
    }
    return new BrokerView("pubsub", "cloud-pubsub", "", 0, 0, 0, topics, subscriptions,
        "a topic per channel of api/asyncapi.yaml, a subscription per consumer and topic", 443, false, List.of());
  }

  private ClusterView cluster(boolean small, String env) {
    List<Deployable> ds = facts.deployables();
    double allocatable = Clouds.NODE_VCPU * 1000 * 0.875;
    int atMin = (int) Math.ceil(ds.stream().mapToDouble(d -> d.sizing().hpaMin() * d.sizing().cpuMillis()).sum()
        / allocatable);
    int atMax = (int) Math.ceil(ds.stream().mapToDouble(d -> d.sizing().hpaMax() * d.sizing().cpuMillis()).sum()
        / allocatable);
    int min = small ? 1 : Math.max(3, atMin);
    int max = small ? (env.equals("dev") ? 2 : 3) : Math.max(min, atMax);
    return new ClusterView(dev.archforge.facts.deploy.CloudNames.cluster(plan.requirements().project().name(), env), Clouds.node(cloud), min, max,
        small ? "the smallest size" : "nodes " + min + "–" + max + " = ceil(Σ hpaMin|hpaMax × cpuMillis / "
            + (int) allocatable + " allocatable millicores per " + Clouds.NODE_VCPU + "-vCPU node), at least 3 (one per zone)");
  }

  private double figure(String key) {
    return plan.capacity().figure(key).map(Figure::value).orElse(0.0);
  }
}
