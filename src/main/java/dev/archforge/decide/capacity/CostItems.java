package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.n;
import static dev.archforge.decide.capacity.CostLines.AVERAGE_TO_PEAK;
import static dev.archforge.decide.capacity.CostLines.SECONDS_PER_MONTH;
import static dev.archforge.decide.capacity.CostLines.monthly;
import static dev.archforge.decide.capacity.CostLines.round;
import static dev.archforge.decide.capacity.DatabaseSize.CACHE_HIT_SHARE;
import static dev.archforge.decide.capacity.DatabaseSize.REQUESTS_PER_VCPU;
import static dev.archforge.decide.capacity.DatabaseSize.VCPU;

import dev.archforge.model.Capacity;
import dev.archforge.model.CostItem;
import dev.archforge.model.Prices;
import dev.archforge.model.Requirements;
import java.util.List;
import java.util.Map;

/**
 * The cost lines of one cloud: the runtime, the data stores and the broker here; the network and
 * what operating it costs in {@link OperationsCosts}.
 */
final class CostItems {
  static final String CONTROL_PLANE = "Kubernetes control plane";
  static final String COMPUTE = "Compute";
  static final String FUNCTIONS = "Serverless functions";
  static final String DATABASE = "Managed database";
  static final String READ_REPLICAS = "Database read replicas";
  static final String STANDBY_REGION = "Warm standby region";
  static final String DATABASE_STORAGE = "Database storage";
  static final String BACKUPS = "Database backups";
  static final String BACKUP_TRANSFER = "Backup copy transfer";
  static final String CACHE = "Cache (Redis)";
  static final String BROKER = "Message broker";
  static final String DYNAMODB = "DynamoDB";
  static final String STANDBY_SERVICES = "Standby region's cache, broker and network";
  /**
   * What infra/'s standby root creates at production's size, one region's worth of each line: the
   * cluster's control plane, the cache, a Kafka or RabbitMQ cluster, the load balancer, NAT and the
   * secret entries (a pub/sub service priced by use adds nothing; its key is counted with the keys).
   */
  static final List<String> STANDBY_COPIES = List.of(CONTROL_PLANE, CACHE, BROKER + " (Kafka)",
      BROKER + " (RabbitMQ)", OperationsCosts.LOAD_BALANCER, OperationsCosts.NAT, OperationsCosts.SECRETS);

  /** From this availability the database has a standby and the cache a replica. */
  static final double REPLICA_AVAILABILITY = 99.95;
  /** Nodes a region of a distributed SQL database at least: a quorum over three zones, as a broker's. */
  static final int CLUSTER_NODES = BrokerSize.BROKERS;
  /** Replicas of each range of a distributed SQL database that survives losing a region (over three regions). */
  static final int SURVIVE_REGION_REPLICAS = 5;
  /** The deployment options the estimate can price, in the order the deployment record lists them. */
  static final List<String> DEPLOYMENTS = List.of("kubernetes", "managed-containers", "serverless", "vm");

  private final CostLines lines;

  private CostItems(CostLines lines) {
    this.lines = lines;
  }

  /** The lines, largest first. */
  static List<CostItem> of(Requirements r, Capacity c, Map<String, String> choices, Prices p, String cloud) {
    CostLines lines = new CostLines(r, c, choices, p, cloud);
    CostItems builder = new CostItems(lines);
    builder.runtime();
    builder.data();
    new BrokerCosts(lines).add();
    new OperationsCosts(lines).add();
    builder.standbyServices();
    return lines.sorted();
  }

  /**
   * Whether the plan keeps a standby of the database in another zone: every backup and recovery
   * plan but nightly snapshots promises one, and so does an availability from 99.95 %.
   */
  static boolean standby(Requirements r, Map<String, String> choices) {
    return !choices.getOrDefault("backup-dr", "point-in-time-recovery").equals("daily-backups")
        || r.scale().availability() >= REPLICA_AVAILABILITY;
  }

  private void runtime() {
    String deployment = lines.choice("deployment", "kubernetes");
    int regions = lines.regions;
    if (deployment.equals("serverless")) {
      double millions = monthly(lines.value("peakRps")) / 1e6;
      lines.add(FUNCTIONS, n(round(millions)) + " million requests/month = peakRps " + n(lines.value("peakRps"))
              + " × averageToPeak " + n(AVERAGE_TO_PEAK) + " × " + n(SECONDS_PER_MONTH) + " s",
          millions * lines.price("functionsPerMillion"), "million requests × functionsPerMillion",
          "functionsPerMillion");
      return;
    }
    if (deployment.equals("kubernetes")) {
      lines.add(CONTROL_PLANE, regions + " cluster(s), one per region", regions * lines.price("clusterMonth"),
          "clusterMonth × regions", "clusterMonth");
    }
    if (deployment.equals("kubernetes")) {
      NodePool pool = NodePool.of(lines.c.services());
      lines.add(COMPUTE + " (Kubernetes worker nodes)", pool.peak() + " node(s) at peak of the pool of " + pool.min()
              + "–" + pool.max() + " infra/ creates (" + NodePool.NODE_VCPU + " vCPU, " + NodePool.NODE_GIB
              + " GiB each; ceil(Σ max(hpaMin, podsNeeded) × cpuMillis / " + NodePool.allocatableMillis()
              + ") within the pool) × " + regions + " region(s)",
          pool.peak() * (NodePool.NODE_VCPU * lines.price("vcpuMonth") + NodePool.NODE_GIB * lines.price("gibMonth"))
              * regions, "nodes at peak × (nodeVcpu × vcpuMonth + nodeGib × gibMonth) × regions", "vcpuMonth",
          "gibMonth");
      return;
    }
    boolean containers = deployment.equals("managed-containers");
    String vcpu = containers ? "containerVcpuMonth" : "vcpuMonth";
    String gib = containers ? "containerGibMonth" : "gibMonth";
    String what = switch (deployment) {
      case "vm" -> " (virtual machines)";
      default -> " (managed containers)";
    };
    var first = lines.c.services().get(0);
    int pods = lines.podsPerRegion();
    lines.add(COMPUTE + what, pods + " pods at peak × (" + n(first.cpuMillis() / 1000.0) + " vCPU, "
            + n(first.memoryMib() / 1024.0) + " GiB) × " + regions + " region(s)",
        pods * lines.podMonth(vcpu, gib) * regions,
        "Σ max(hpaMin, podsNeeded) × (cpu × " + vcpu + " + memory × " + gib + ") × regions", vcpu, gib);
  }

  private void data() {
    String database = lines.choice("database", "postgresql");
    if (database.equals("distributed-sql")) {
      distributedSql();
      cache();
      return;
    }
    if (database.equals("dynamodb")) {
      new DynamoDbCosts(lines).add();
      cache();
      return;
    }
    int regions = lines.regions;
    boolean replicas = lines.choice("scaling", "").equals("autoscaling-and-read-replicas");
    boolean standby = standby(lines.r, lines.choices());
    if (DatabaseCosts.relational(database) && lines.c.services().stream().noneMatch(s -> s.poolSize() > 0)) {
      cache();
      return;
    }
    double dbVcpuMonth = lines.price("dbVcpuMonth");
    DatabaseCosts.Priced priced = new DatabaseCosts(lines, database, standby, replicas).add();
    int vcpu = priced.vcpu();
    int replicaCount = priced.replicas();
    int copies = 1 + (standby ? 1 : 0) + replicaCount;
    double gb = lines.value("provisionedGb36");
    lines.add(DATABASE_STORAGE, n(gb) + " GB provisioned for 36 months × " + copies + " cop"
            + (copies == 1 ? "y" : "ies") + " (primary" + (standby ? ", standby" : "") + (replicaCount > 0
            ? ", " + replicaCount + " replica(s)" : "") + ") × " + regions + " region(s)",
        gb * lines.price("storageGbMonth") * copies * regions, "provisionedGb36 × storageGbMonth × copies × regions",
        "storageGbMonth");
    boolean copied = !lines.choice("backup-dr", "point-in-time-recovery").equals("daily-backups");
    double backups = lines.value("storageGb12");
    lines.add(BACKUPS, n(backups) + " GB of backups (data after 12 months)" + (copied
            ? " + a copy in a second region" : ""),
        backups * lines.price("backupGbMonth") * (copied ? 2 : 1),
        "storageGb12 × backupGbMonth" + (copied ? " × 2 (cross-region copy)" : ""), "backupGbMonth");
    if (copied) {
      backupTransfer(backups);
    }
    if (lines.standbyRegion()) {
      // sized as the primary, with a standby in another zone of its region where production has one
      int zones = standby ? 2 : 1;
      StandbyCompute compute = StandbyCompute.of(lines.r, lines.c, lines.choice("deployment", "kubernetes"));
      lines.add(STANDBY_REGION, "a " + vcpu + " vCPU cross-region database replica with its " + n(gb) + " GB"
              + (standby ? ", and its standby in another zone," : "") + " and " + compute.what() + ", until promoted",
          (vcpu * dbVcpuMonth + gb * lines.price("storageGbMonth")) * zones + (compute.nodes() > 0
              ? compute.nodes() * (NodePool.NODE_VCPU * lines.price("vcpuMonth") + NodePool.NODE_GIB
              * lines.price("gibMonth")) : compute.pods() * lines.podMonth("vcpuMonth", "gibMonth")),
          "(dbVcpu × dbVcpuMonth + provisionedGb36 × storageGbMonth)" + (standby ? " × 2 (standby)" : "") + " + "
              + (compute.nodes() > 0 ? "standby nodes × (nodeVcpu × vcpuMonth + nodeGib × gibMonth)"
              : "deployables × floor × (cpu × vcpuMonth + memory × gibMonth)"), "dbVcpuMonth", "storageGbMonth",
          "vcpuMonth", "gibMonth");
    }
    cache();
  }

  /**
   * The rest of the warm standby region: one region's worth of each line infra/'s standby root creates
   * at production's size ({@link #STANDBY_COPIES}), from the lines production's sizing priced.
   */
  private void standbyServices() {
    if (!lines.standbyRegion()) {
      return;
    }
    List<String> present = STANDBY_COPIES.stream().filter(c -> lines.amount(c) > 0).toList();
    double usd = present.stream().mapToDouble(lines::amount).sum() / lines.regions;
    if (usd > 0) {
      lines.add(STANDBY_SERVICES, "one region's " + String.join(", ", present) + ", as production's (infra/'s"
              + " standby root creates them at production's size)", usd,
          "Σ (" + String.join(" + ", present) + ") / regions");
    }
  }

  /**
   * The backups' copy to the recovery region crosses regions: the first full copy spread over a year,
   * then each month's new data. Azure prices its geo-redundant backup as storage (the copy above) and
   * charges no transfer for it.
   */
  private void backupTransfer(double backups) {
    if (lines.cloud().equals("azure")) {
      return;
    }
    double growth = lines.value("growthGbPerMonth");
    double gb = backups / 12 + growth;
    lines.add(BACKUP_TRANSFER, n(gb) + " GB a month to the recovery region = storageGb12 " + n(backups)
            + " / 12 (the first full copy over a year) + growthGbPerMonth " + n(growth) + " (each month's new data)",
        gb * lines.price("crossRegionGb"), "(storageGb12 / 12 + growthGbPerMonth) × crossRegionGb", "crossRegionGb");
  }

  private void cache() {
    int regions = lines.regions;
    if (lines.isChosen("caching")) {
      boolean replica = lines.r.scale().availability() >= REPLICA_AVAILABILITY;
      lines.add(CACHE, n(lines.value("cacheGb")) + " GB" + (replica ? " + a replica" : "") + " × " + regions
              + " region(s)",
          lines.value("cacheGb") * lines.price("cacheGibMonth") * (replica ? 2 : 1) * regions,
          "cacheGb × cacheGibMonth" + (replica ? " × 2 (replica)" : "") + " × regions", "cacheGibMonth");
    }
  }

  /**
   * CockroachDB: {@link #CLUSTER_NODES} nodes a region at least; each write is applied by every
   * replica of its range, spread over the regions; reads are served in the region. No standby or
   * read replicas: the replicas are the cluster's own.
   */
  private void distributedSql() {
    int regions = lines.regions;
    int replicas = distributedReplicas(regions);
    double uncached = lines.isChosen("caching") ? 1 - CACHE_HIT_SHARE : 1;
    double share = lines.value("regionalRps") / lines.value("peakRps");
    double work = lines.value("writeRps") * replicas / regions + lines.value("readRps") * uncached * share;
    int vcpu = Math.max(CLUSTER_NODES * VCPU.get(0), PodSizing.ceil(work / REQUESTS_PER_VCPU));
    lines.add(DATABASE + " (distributed SQL)", vcpu + " vCPU a region = max(" + CLUSTER_NODES + " nodes × "
            + VCPU.get(0) + ", ceil((writeRps × " + replicas + " replicas / " + regions + " regions + readRps × "
            + n(uncached) + " uncached × regionalRps / peakRps) / " + n(REQUESTS_PER_VCPU) + " per vCPU)), "
            + regions + " region(s)",
        vcpu * lines.price("distributedSqlVcpuMonth") * regions, "vcpu × distributedSqlVcpuMonth × regions",
        "distributedSqlVcpuMonth");
    double gb = lines.value("provisionedGb36");
    lines.add(DATABASE_STORAGE, n(gb) + " GB provisioned for 36 months × " + replicas + " replicas of every range",
        gb * lines.price("storageGbMonth") * replicas, "provisionedGb36 × storageGbMonth × replicas", "storageGbMonth");
    double backups = lines.value("storageGb12");
    lines.add(BACKUPS, n(backups) + " GB of backups (data after 12 months) + a copy in a second region",
        backups * lines.price("backupGbMonth") * 2, "storageGb12 × backupGbMonth × 2 (cross-region copy)",
        "backupGbMonth");
  }

  /** Replicas of every range of a distributed SQL database over these regions. */
  static int distributedReplicas(int regions) {
    return regions >= 3 ? SURVIVE_REGION_REPLICAS : CLUSTER_NODES;
  }

  /**
   * The copies of each write that cross a region: a distributed SQL database replicates it to every
   * replica outside the writing region (its replicas spread evenly, {@code ceil(replicas / regions)}
   * in each); any other store sends one copy to each other region.
   */
  static int crossRegionCopies(String database, int regions) {
    if (database.equals("distributed-sql") && regions > 1) {
      int replicas = distributedReplicas(regions);
      return replicas - (int) Math.ceil(replicas / (double) regions);
    }
    return regions - 1;
  }
}
