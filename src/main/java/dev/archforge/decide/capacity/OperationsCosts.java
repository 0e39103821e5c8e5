package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.n;
import static dev.archforge.decide.capacity.CostLines.monthly;

/**
 * The cost lines of the network and of operating the system: CDN, load balancers, internet and
 * cross-region egress, NAT, logs, metrics and traces by volume, secrets and encryption keys.
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
    if (l.choice("deployment", "kubernetes").equals("serverless")) {
      return;
    }
    int perRegion = l.r.scale().availability() >= CostItems.REPLICA_AVAILABILITY ? 3 : 1;
    int gateways = perRegion * l.regions;
    int pods = l.podsPerRegion() * l.regions;
    l.add(NAT, gateways + " gateway(s) (" + (perRegion == 3 ? "one per zone" : "one") + " per region) and " + pods
            + " pods × " + n(NAT_GB_PER_POD) + " GB out",
        gateways * l.price("natGatewayMonth") + pods * NAT_GB_PER_POD * l.price("natGb"),
        "gateways × natGatewayMonth + pods × natGbPerPod × natGb", "natGatewayMonth", "natGb");
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
   * Per deployable and region: a database credential, the OIDC client or signing key, and one each
   * for the broker and the cache when chosen. Keys: one each for the database, its backups and the
   * secrets store per region, and for the broker and the cache when chosen.
   */
  private void security() {
    int stores = (l.isChosen("messaging") ? 1 : 0) + (l.isChosen("caching") ? 1 : 0);
    int deployables = l.c.services().size();
    int secrets = deployables * (2 + stores) * l.regions;
    l.add(SECRETS, secrets + " secrets = " + deployables + " deployable(s) × " + (2 + stores)
            + " (database, identity" + (stores > 0 ? ", broker or cache" : "") + ") × " + l.regions + " region(s)",
        secrets * l.price("secretMonth"), "deployables × secretsPerDeployable × regions × secretMonth", "secretMonth");
    int keys = (3 + stores) * l.regions;
    l.add(KEYS, keys + " keys = " + (3 + stores) + " (database, backups, secrets" + (stores > 0
            ? ", broker or cache" : "") + ") × " + l.regions + " region(s)",
        keys * l.price("kmsKeyMonth"), "keysPerRegion × regions × kmsKeyMonth", "kmsKeyMonth");
  }
}
