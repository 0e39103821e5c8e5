package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.n;

import dev.archforge.model.Capacity;
import dev.archforge.model.CostItem;
import dev.archforge.model.Figure;
import dev.archforge.model.Prices;
import dev.archforge.model.Requirements;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The cost lines of one cloud, from the capacity figures, the choices and that cloud's prices. */
final class CostItems {
  static final String CONTROL_PLANE = "Kubernetes control plane";
  static final String COMPUTE = "Compute";
  static final String FUNCTIONS = "Serverless functions";
  static final String DATABASE = "Managed database";
  static final String DATABASE_STORAGE = "Database storage";
  static final String BACKUPS = "Database backups";
  static final String CACHE = "Cache (Redis)";
  static final String BROKER = "Message broker";
  static final String CDN = "CDN";
  static final String LOAD_BALANCER = "Load balancer";

  /** 30 days. */
  static final double SECONDS_PER_MONTH = 2_592_000;
  /** Average traffic over a month as a share of the peak: turns peak rates into monthly volumes. */
  static final double AVERAGE_TO_PEAK = 0.3;
  /** Average size of a read response the CDN serves, in KB (1 GB = 1,000,000 KB here). */
  static final double AVG_RESPONSE_KB = 20;
  /** Writes or uncached reads one database vCPU serves per second at peak (short OLTP queries). */
  static final double DB_REQUESTS_PER_VCPU = 500;
  /** Share of reads the cache answers when a cache is chosen; the rest reach the database. */
  static final double CACHE_HIT_SHARE = 0.8;
  /** The smallest managed database instance counted. */
  static final int DB_MIN_VCPU = 2;
  /** From this availability the database has a standby and the cache a replica. */
  static final double REPLICA_AVAILABILITY = 99.95;
  /** Brokers of a Kafka cluster and nodes of a RabbitMQ cluster (a quorum over three zones). */
  static final int CLUSTER_NODES = 3;

  private final Requirements r;
  private final Capacity c;
  private final Map<String, String> choices;
  private final Prices p;
  private final String cloud;
  private final int regions;
  private final List<CostItem> items = new ArrayList<>();

  private CostItems(Requirements r, Capacity c, Map<String, String> choices, Prices p, String cloud) {
    this.r = r;
    this.c = c;
    this.choices = choices;
    this.p = p;
    this.cloud = cloud;
    this.regions = r.scale().regions();
  }

  /** The lines, largest first. */
  static List<CostItem> of(Requirements r, Capacity c, Map<String, String> choices, Prices p, String cloud) {
    CostItems builder = new CostItems(r, c, choices, p, cloud);
    builder.runtime();
    builder.data();
    builder.messaging();
    builder.edge();
    return builder.items.stream().sorted(Comparator.comparingDouble(CostItem::monthlyUsd).reversed()).toList();
  }

  private void runtime() {
    String deployment = choices.getOrDefault("deployment", "kubernetes");
    if (deployment.equals("serverless")) {
      double millions = value("peakRps") * AVERAGE_TO_PEAK * SECONDS_PER_MONTH / 1e6;
      add(FUNCTIONS, n(round(millions)) + " million requests/month = peakRps " + n(value("peakRps"))
              + " × averageToPeak " + n(AVERAGE_TO_PEAK) + " × " + n(SECONDS_PER_MONTH) + " s",
          millions * price("functionsPerMillion"), "million requests × functionsPerMillion");
      return;
    }
    if (deployment.equals("kubernetes")) {
      add(CONTROL_PLANE, regions + " cluster(s), one per region", regions * price("clusterMonth"),
          "clusterMonth × regions");
    }
    int pods = 0;
    double perMonth = 0;
    for (ServiceSizing s : c.services()) {
      int atPeak = Math.max(s.hpaMin(), s.podsNeeded());
      pods += atPeak;
      perMonth += atPeak * podMonth(s.cpuMillis(), s.memoryMib());
    }
    ServiceSizing first = c.services().get(0);
    add(COMPUTE + (deployment.equals("vm") ? " (virtual machines)" : " (Kubernetes worker nodes)"),
        pods + " pods at peak × (" + n(first.cpuMillis() / 1000.0) + " vCPU, " + n(first.memoryMib() / 1024.0)
            + " GiB) × " + regions + " region(s)",
        perMonth * regions,
        "Σ max(hpaMin, podsNeeded) × (cpu × vcpuMonth + memory × gibMonth) × regions");
  }

  private double podMonth(int cpuMillis, int memoryMib) {
    return cpuMillis / 1000.0 * price("vcpuMonth") + memoryMib / 1024.0 * price("gibMonth");
  }

  private void data() {
    String database = choices.getOrDefault("database", "postgresql");
    boolean cached = isChosen("caching");
    double uncached = cached ? 1 - CACHE_HIT_SHARE : 1;
    double load = (value("writeRps") + value("readRps") * uncached) * value("regionalRps") / value("peakRps");
    int vcpu = Math.max(DB_MIN_VCPU, PodSizing.ceil(load / DB_REQUESTS_PER_VCPU));
    boolean standby = r.scale().availability() >= REPLICA_AVAILABILITY;
    add(DATABASE + " (" + database + ")", vcpu + " vCPU = max(" + DB_MIN_VCPU + ", ceil((writeRps + readRps × "
            + n(uncached) + " uncached) × regionalRps / peakRps / " + n(DB_REQUESTS_PER_VCPU) + " per vCPU))"
            + (standby ? ", primary + standby" : "") + ", " + regions + " region(s)",
        vcpu * price("dbVcpuMonth") * (standby ? 2 : 1) * regions,
        "dbVcpu × dbVcpuMonth" + (standby ? " × 2 (standby)" : "") + " × regions");
    add(DATABASE_STORAGE, n(value("provisionedGb36")) + " GB provisioned for 36 months × " + regions + " region(s)",
        value("provisionedGb36") * price("storageGbMonth") * regions, "provisionedGb36 × storageGbMonth × regions");
    add(BACKUPS, n(value("storageGb12")) + " GB of backups (data after 12 months)",
        value("storageGb12") * price("backupGbMonth"), "storageGb12 × backupGbMonth");
    if (cached) {
      boolean replica = r.scale().availability() >= REPLICA_AVAILABILITY;
      add(CACHE, n(value("cacheGb")) + " GB" + (replica ? " + a replica" : "") + " × " + regions + " region(s)",
          value("cacheGb") * price("cacheGibMonth") * (replica ? 2 : 1) * regions,
          "cacheGb × cacheGibMonth" + (replica ? " × 2 (replica)" : "") + " × regions");
    }
  }

  private void messaging() {
    String messaging = choices.getOrDefault("messaging", "none");
    switch (messaging) {
      case "kafka" -> add(BROKER + " (Kafka)", CLUSTER_NODES + " brokers × " + regions + " region(s)",
          CLUSTER_NODES * price("brokerMonth") * regions, CLUSTER_NODES + " × brokerMonth × regions");
      case "rabbitmq" -> add(BROKER + " (RabbitMQ)", CLUSTER_NODES + " nodes × " + regions + " region(s)",
          CLUSTER_NODES * price("queueNodeMonth") * regions, CLUSTER_NODES + " × queueNodeMonth × regions");
      case "cloud-pubsub" -> pubsub();
      default -> { }
    }
  }

  /** Each event is counted once when published and once per consuming service. */
  private void pubsub() {
    double perSecond = 0;
    for (Figure f : c.figures()) {
      if (f.key().startsWith("eventRps.")) {
        String event = f.key().substring("eventRps.".length());
        long consumers = r.services().stream().filter(s -> s.consumes().contains(event)).count();
        perSecond += f.value() * (1 + consumers);
      }
    }
    double millions = perSecond * value("peakRps") / value("regionalRps") * AVERAGE_TO_PEAK * SECONDS_PER_MONTH / 1e6;
    add(BROKER + " (managed pub/sub)", n(round(millions)) + " million messages/month (publishes and deliveries)",
        millions * price("pubsubPerMillion"),
        "Σ eventRps × (1 + consumers) × peakRps / regionalRps × averageToPeak × secondsPerMonth / 1e6"
            + " × pubsubPerMillion");
  }

  private void edge() {
    if ("cdn-and-redis".equals(choices.get("caching"))) {
      double gb = value("readRps") * AVERAGE_TO_PEAK * SECONDS_PER_MONTH * AVG_RESPONSE_KB / 1e6;
      add(CDN, n(round(gb)) + " GB egress/month = readRps " + n(value("readRps")) + " × averageToPeak "
              + n(AVERAGE_TO_PEAK) + " × " + n(SECONDS_PER_MONTH) + " s × " + n(AVG_RESPONSE_KB) + " KB",
          gb * price("cdnGb"), "readRps × averageToPeak × secondsPerMonth × avgResponseKb / 1e6 × cdnGb");
    }
    add(LOAD_BALANCER, regions + " load balancer(s), one per region", price("loadBalancerMonth") * regions,
        "loadBalancerMonth × regions");
  }

  private boolean isChosen(String topic) {
    String choice = choices.get(topic);
    return choice != null && !choice.equals("none");
  }

  private double value(String key) {
    return c.figure(key).orElseThrow(() -> new IllegalStateException("capacity lacks figure " + key)).value();
  }

  private double price(String item) {
    return p.price(cloud, item);
  }

  private void add(String component, String sizing, double usd, String formula) {
    items.add(new CostItem(component, sizing, round(usd), formula));
  }

  static double round(double usd) {
    return Math.round(usd * 100) / 100.0;
  }
}
