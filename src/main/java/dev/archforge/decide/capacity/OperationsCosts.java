package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.n;
import static dev.archforge.decide.capacity.CostLines.monthly;

import dev.archforge.model.Cloud;
import dev.archforge.model.ServiceSizing;
import java.util.List;

/**
 * The cost lines of the network and of operating the system: CDN, load balancers, internet and
 * cross-region egress, NAT as infra/'s network creates it ({@link NatGateways}), logs, metrics and traces
 * by volume, secret entries and keys as infra/ creates them.
 * Volumes come from the peak rates through {@code averageToPeak} and the stated sizes below.
 */
final class OperationsCosts {
  static final String CDN = "CDN";
  static final String LOAD_BALANCER = "Load balancer";
  static final String EGRESS = "Internet egress";
  static final String CROSS_REGION = "Cross-region transfer";
  static final String NAT = "NAT gateways";
  static final String LOGS = "Logs";
  static final String METRICS = "Metrics";
  static final String TRACES = "Traces";
  static final String SECRETS = "Secrets";
  static final String KEYS = "Encryption keys (KMS)";

  /** Average size of a response, in KB (1 GB = 1,000,000 KB here). */
  static final double AVG_RESPONSE_KB = 20;
  /** What one write sends to another region (row and log records), in KB. */
  static final double REPLICATED_KB_PER_WRITE = 2;
  /** Log lines written per request (access log and application lines), in KB. */
  static final double LOG_KB_PER_REQUEST = 1;
  /** Time series one pod or function exposes (runtime, HTTP histograms, pool and broker clients). */
  static final int SERIES_PER_POD = 500;
  /** Seconds between two scrapes of a series. */
  static final int SCRAPE_SECONDS = 30;
  /** Share of requests whose trace is kept. */
  static final double TRACE_SAMPLING = 0.05;
  /** From this many VMs on, Cloud NAT bills a gateway's hourly cap rather than each VM-hour. */
  static final int CLOUD_NAT_CAPPED_VMS = 32;
  /** Data a pod sends out through NAT per month: image pulls, calls to outside APIs, in GB. */
  static final double NAT_GB_PER_POD = 5;

  private final CostLines l;

  OperationsCosts(CostLines lines) {
    this.l = lines;
  }

  void add() {
    edge();
    network();
    telemetry();
    security();
  }

  private void edge() {
    if ("cdn-and-redis".equals(l.choice("caching", "none"))) {
      double gb = monthly(l.value("readRps")) * AVG_RESPONSE_KB / 1e6;
      l.add(CDN, n(Math.round(gb)) + " GB/month = readRps " + n(l.value("readRps")) + " × averageToPeak × seconds"
              + " per month × " + n(AVG_RESPONSE_KB) + " KB",
          gb * l.price("cdnGb"), "readRps × averageToPeak × secondsPerMonth × avgResponseKb / 1e6 × cdnGb", "cdnGb");
    }
    // on Kubernetes infra/ creates no load balancer: the Gateway controller creates it from deploy/k8s's Gateway
    String who = l.choice("deployment", "kubernetes").equals("kubernetes")
        ? ", created by the cluster's Gateway controller from deploy/k8s's Gateway (infra/ creates none)" : "";
    l.add(LOAD_BALANCER, l.regions + " load balancer(s), one per region" + who, l.price("loadBalancerMonth") * l.regions,
        "loadBalancerMonth × regions", "loadBalancerMonth");
  }

  private void network() {
    boolean cdn = "cdn-and-redis".equals(l.choice("caching", "none"));
    String rate = cdn ? "writeRps" : "peakRps";
    double gb = monthly(l.value(rate)) * AVG_RESPONSE_KB / 1e6;
    l.add(EGRESS, n(Math.round(gb)) + " GB/month of responses = " + rate + " " + n(l.value(rate))
            + " × averageToPeak × seconds per month × " + n(AVG_RESPONSE_KB) + " KB" + (cdn
            ? " (reads leave through the CDN)" : ""),
        gb * l.price("internetEgressGb"), rate + " × averageToPeak × secondsPerMonth × avgResponseKb / 1e6"
            + " × internetEgressGb", "internetEgressGb");
    String database = l.choice("database", "postgresql");
    int others = l.regions > 1 ? CostItems.crossRegionCopies(database, l.regions)
        : l.standbyRegion() ? 1 : 0;
    if (others > 0) {
      boolean ranges = database.equals("distributed-sql") && l.regions > 1;
      double replicated = monthly(l.value("writeRps")) * REPLICATED_KB_PER_WRITE / 1e6 * others;
      l.add(CROSS_REGION, n(Math.round(replicated)) + " GB/month = writeRps " + n(l.value("writeRps"))
              + " × averageToPeak × seconds per month × " + n(REPLICATED_KB_PER_WRITE) + " KB × " + others
              + (ranges ? " replica(s) outside the writing region (" + CostItems.distributedReplicas(l.regions)
              + " replicas of every range over " + l.regions + " regions)" : " other region(s)"),
          replicated * l.price("crossRegionGb"), "writeRps × averageToPeak × secondsPerMonth × replicatedKbPerWrite"
              + " / 1e6 × " + (ranges ? "(replicas − ceil(replicas / regions))" : "otherRegions") + " × crossRegionGb",
          "crossRegionGb");
    }
    String deployment = l.choice("deployment", "kubernetes");
    // a cloud a team's price table adds: a gateway per zone when the availability target spreads over zones
    int perRegion = NatGateways.perRegion(l.cloud(), deployment).orElse(
        l.r.scale().availability() >= CostItems.REPLICA_AVAILABILITY ? NodePool.ZONES : 1);
    if (perRegion == 0) {
      return;
    }
    int pods = l.podsPerRegion() * l.regions;
    if (l.cloud().equals("gcp")) {
      cloudNat(pods);
      return;
    }
    int gateways = perRegion * l.regions;
    String which = l.cloud().equals("azure") ? "one, with its static public IP, for the virtual machines' subnet"
        : perRegion == NodePool.ZONES ? "one per zone" : "one";
    l.add(NAT, gateways + " gateway(s) = " + perRegion + " per region (" + which + ") × " + l.regions
            + " region(s), and " + pods + " pods × " + n(NAT_GB_PER_POD) + " GB out",
        gateways * l.price("natGatewayMonth") + pods * NAT_GB_PER_POD * l.price("natGb"),
        "gateways × natGatewayMonth + pods × natGbPerPod × natGb", "natGatewayMonth", "natGb");
  }

  /**
   * Google's Cloud NAT, one per region as infra/'s network creates it (a router and its NAT), billed
   * by the VMs that use it: each VM-hour up to {@value #CLOUD_NAT_CAPPED_VMS} VMs, then the gateway's
   * hourly cap ({@code natGatewayMonth}); plus the data it processes. The VMs are the node pool's nodes
   * at peak on Kubernetes, else the pods (one virtual machine each; managed-container instances are
   * counted as VMs, at most what they would cost).
   */
  private void cloudNat(int pods) {
    boolean kubernetes = l.choice("deployment", "kubernetes").equals("kubernetes");
    int vms = kubernetes ? NodePool.of(l.c.services()).peak() : l.podsPerRegion();
    int billed = Math.min(vms, CLOUD_NAT_CAPPED_VMS);
    l.add(NAT, l.regions + " Cloud NAT gateway(s) = 1 per region (a router and its NAT) × " + l.regions + " region(s),"
            + " each used by " + vms + (kubernetes ? " node(s)" : " instance(s)") + " at peak (billed per VM up to "
            + CLOUD_NAT_CAPPED_VMS + ": " + billed + "), and " + pods + " pods × " + n(NAT_GB_PER_POD) + " GB out",
        billed * l.price("natGatewayMonth") / CLOUD_NAT_CAPPED_VMS * l.regions
            + pods * NAT_GB_PER_POD * l.price("natGb"),
        "min(VMs, " + CLOUD_NAT_CAPPED_VMS + ") × natGatewayMonth / " + CLOUD_NAT_CAPPED_VMS
            + " × regions + pods × natGbPerPod × natGb", "natGatewayMonth", "natGb");
  }

  private void telemetry() {
    double logGb = monthly(l.value("peakRps")) * LOG_KB_PER_REQUEST / 1e6;
    l.add(LOGS, n(Math.round(logGb)) + " GB/month = peakRps " + n(l.value("peakRps")) + " × averageToPeak × seconds"
            + " per month × " + n(LOG_KB_PER_REQUEST) + " KB per request",
        logGb * l.price("logsGb"), "peakRps × averageToPeak × secondsPerMonth × logKbPerRequest / 1e6 × logsGb",
        "logsGb");
    boolean functions = l.choice("deployment", "kubernetes").equals("serverless");
    int targets = (functions ? l.c.services().size() : l.podsPerRegion()) * l.regions;
    double millions = targets * SERIES_PER_POD * (CostLines.SECONDS_PER_MONTH / SCRAPE_SECONDS) / 1e6;
    l.add(METRICS, n(Math.round(millions)) + " million samples/month = " + targets + (functions ? " functions"
            : " pods") + " × " + SERIES_PER_POD + " series × one sample per " + SCRAPE_SECONDS + " s",
        millions * l.price("metricsPerMillionSamples"), "targets × seriesPerPod × secondsPerMonth / scrapeSeconds"
            + " / 1e6 × metricsPerMillionSamples", "metricsPerMillionSamples");
    double traces = monthly(l.value("peakRps")) * TRACE_SAMPLING / 1e6;
    l.add(TRACES, n(Math.round(traces)) + " million traces/month = peakRps × averageToPeak × seconds per month × "
            + n(TRACE_SAMPLING) + " sampled",
        traces * l.price("tracesPerMillion"), "peakRps × averageToPeak × secondsPerMonth × traceSampling / 1e6"
            + " × tracesPerMillion", "tracesPerMillion");
  }

  /**
   * The secret-manager entries and the keys infra/'s production root creates, per region: the entries
   * of {@link SecretVariables} (one per deployable that has secrets, or one per secret variable where
   * the runtime reads entries whole), the keys of {@link EncryptionKeys}; the standby region's root
   * adds its own key (its entries are priced with the standby's other copies).
   */
  private void security() {
    // a cloud a team's price table adds is priced as a self-run system would be ("any")
    Cloud cloud = java.util.Arrays.stream(Cloud.values()).filter(c -> c.spelling().equals(l.cloud())).findFirst()
        .orElse(Cloud.ANY);
    List<String> deployables = l.c.services().stream().map(ServiceSizing::service).toList();
    boolean perVariable = SecretVariables.perVariable(cloud, l.choices());
    int entries = SecretVariables.count(l.r, l.choices(), deployables, cloud);
    int secrets = entries * l.regions;
    l.add(SECRETS, secrets + (secrets == 1 ? " secret entry = " : " secret entries = ") + entries + " per region (" + (perVariable
            ? "one per secret variable of each deployable: the runtime reads each entry whole"
            : "one per deployable with secrets, its variables as JSON keys") + ") × " + l.regions + " region(s)",
        secrets * l.price("secretMonth"), "entries × regions × secretMonth", "secretMonth");
    String database = l.choice("database", "postgresql");
    int databases = DatabaseCosts.relational(database)
        ? (int) l.c.services().stream().filter(s -> s.poolSize() > 0).count() : 0;
    boolean tables = database.equals("dynamodb") && l.r.services().stream().anyMatch(s -> !s.entities().isEmpty());
    boolean copied = BackupRetention.pitr(l.choice("backup-dr", "point-in-time-recovery"));
    EncryptionKeys keys = EncryptionKeys.of(l.cloud(), databases, tables, copied, l.secondRoot() && entries > 0);
    int standby = l.standbyRegion() ? EncryptionKeys.STANDBY_ROOT : 0;
    int count = keys.total() * l.regions + standby;
    l.add(KEYS, count + (count == 1 ? " key = " : " keys = ") + keys.total() + " per production root (" + keys.describe() + ") × " + l.regions
            + " region(s)" + (standby > 0 ? " + " + standby + " in the standby region's root" : ""),
        count * l.price("kmsKeyMonth"), "(keysPerRoot × regions" + (standby > 0 ? " + standby root's" : "")
            + ") × kmsKeyMonth", "kmsKeyMonth");
  }
}
