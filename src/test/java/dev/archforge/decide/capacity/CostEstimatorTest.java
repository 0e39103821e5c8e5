package dev.archforge.decide.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archforge.load.BlueprintFixtures;
import dev.archforge.model.Capacity;
import dev.archforge.model.CostEstimate;
import dev.archforge.model.CostItem;
import dev.archforge.model.Prices;
import dev.archforge.model.Requirements;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed against blueprints/standard/prices.yaml. The ecommerce sample as microservices
 * (one region, 99.95 %) sizes catalog 24 pods, orders 12, inventory 24: 60 pods at peak.
 */
class CostEstimatorTest {
  private static final Prices PRICES = BlueprintFixtures.standardPrices();
  private static final Map<String, String> SHOP = Inputs.choices("architecture-style", "microservices",
      "database", "postgresql", "caching", "cdn-and-redis", "messaging", "kafka", "deployment", "kubernetes");

  private static CostEstimate estimate(Requirements r, Map<String, String> choices) {
    Capacity c = SizingCalculator.size(r, Inputs.STANDARD, BaselineCalculator.compute(r, Inputs.STANDARD), choices);
    return CostEstimator.estimate(r, c, choices, PRICES);
  }

  private static double item(CostEstimate e, String componentStart) {
    return e.items().stream().filter(i -> i.component().startsWith(componentStart)).findFirst()
        .orElseThrow(() -> new AssertionError("no item " + componentStart)).monthlyUsd();
  }

  @Test
  void thePriceTableIsDatedAndPricesThreeClouds() {
    assertThat(PRICES.asOf()).isEqualTo("2026-11-01");
    assertThat(PRICES.byCloud()).containsOnlyKeys("aws", "gcp", "azure");
    assertThat(PRICES.source()).contains("on-demand");
  }

  @Test
  void everyLineOnAwsAgainstItsHandComputedValue() {
    CostEstimate e = estimate(Inputs.sample("ecommerce"), SHOP);

    assertThat(e.cloud()).isEqualTo("aws");
    assertThat(e.priceDate()).isEqualTo("2026-11-01");
    // volumes: rate × 0.3 (average to peak) × 2,592,000 s
    // CDN: 4500 reads/s → 3,499,200,000 reads × 20 KB / 1e6 = 69,984 GB × $0.085 = $5,948.64
    // logs: 5000 req/s → 3,888,000,000 requests × 1 KB / 1e6 = 3,888 GB × $0.50 = $1,944
    // traces: 3,888,000,000 × 0.05 sampled = 194.4 million × $5 = $972
    // database: one per deployable that owns data, each the smallest of 2, 4, 8, 16, 32, 64 vCPU carrying both
    //   its connections at hpaMax (100 a vCPU) and its writes + uncached reads (500 a vCPU): catalog 480
    //   connections → 8 (1,400 req/s), orders 240 → 4 (700 req/s), inventory 480 → 8: 20 vCPU × $60 × 2 (standby) = $2,400
    // compute: the node pool infra/ creates, 3–18 nodes of 4 vCPU and 16 GiB; at peak 60 pods × 500 m / 3,500
    //   allocatable = 8.57 → 9 nodes × (4 × $25 + 16 × $3) = $1,332
    // internet egress: reads leave through the CDN; 500 writes/s → 7,776 GB × $0.09 = $699.84
    // storage: 2910 GB × $0.115 × 2 copies (primary, standby) = $669.30
    // Kafka: 3 × $155 = $465
    // metrics: 60 pods × 500 series × 86,400 samples (one per 30 s) = 2,592 million × $0.09 = $233.28
    // backups: 980 GB × $0.095 × 2 (a copy in a second region) = $186.20
    // NAT: 3 gateways (one per zone at 99.95 %) × $32.85 + 60 pods × 5 GB × $0.045 = $112.05
    // control plane $73
    // cache: the hot set 980 GB × 0.05 = 49 GB, capped by what 4500 reads/s touch in 300 s of 2 KB = 2.7 GB;
    //   2.7 × $12 × 2 (replica) = $64.80
    // load balancer $25; keys as infra/'s production root creates them: the environment's key and, backups
    //   being copied to the recovery region, a key there for each of the 3 databases' copies: 4 × $1 = $4
    // backup copy transfer: 980 GB / 12 (the first full copy over a year) + 40 GB (a month's growth)
    //   = 121.67 GB × $0.02 between regions = $2.43
    // secrets: one entry per deployable (its variables as JSON keys): 3 × $0.40 = $1.20
    assertThat(e.items()).extracting(CostItem::component).containsExactly("CDN", "Managed database (postgresql)",
        "Logs", "Compute (Kubernetes worker nodes)", "Traces", "Internet egress", "Database storage",
        "Message broker (Kafka)", "Metrics", "Database backups", "NAT gateways", "Kubernetes control plane",
        "Cache (Redis)", "Load balancer", "Encryption keys (KMS)", "Backup copy transfer", "Secrets");
    assertThat(e.items()).extracting(CostItem::monthlyUsd).containsExactly(5948.64, 2400.0, 1944.0, 1332.0, 972.0,
        699.84, 669.3, 465.0, 233.28, 186.2, 112.05, 73.0, 64.8, 25.0, 4.0, 2.43, 1.2);
    assertThat(e.items().get(15).formula()).isEqualTo("(storageGb12 / 12 + growthGbPerMonth) × crossRegionGb");
    assertThat(e.items()).allSatisfy(i -> assertThat(i.priceDate()).isEqualTo("2026-11-01"))
        .allSatisfy(i -> assertThat(i.formula()).isNotBlank());
    assertThat(e.items().get(0).formula())
        .isEqualTo("readRps × averageToPeak × secondsPerMonth × avgResponseKb / 1e6 × cdnGb");
    assertThat(e.items().get(3).sizing()).startsWith("9 node(s) at peak of the pool of 3–18 infra/ creates");
    assertThat(e.items().get(1).sizing()).startsWith("3 database(s), one per deployable that owns data, 20 vCPU")
        .contains("catalog: 8 vCPU", "orders: 4 vCPU", "inventory: 8 vCPU");
    assertThat(e.totalUsd()).isCloseTo(15_132.74, within(0.005));
    assertThat(e.budgetUsd()).isEqualTo(20_000.0);
    assertThat(e.overBudget()).isFalse();
    assertThat(e.cuts()).isEmpty();
    assertThat(e.verdict()).isNull();
  }

  @Test
  void readReplicasAndAWarmStandbyRegionArePriced() {
    Map<String, String> choices = new java.util.LinkedHashMap<>(SHOP);
    choices.put("caching", "none");
    choices.put("scaling", "autoscaling-and-read-replicas");
    choices.put("backup-dr", "warm-standby-region");
    CostEstimate e = estimate(Inputs.sample("ecommerce"), choices);
    // primaries carry the writes and the connections: catalog 8 vCPU (480 connections), orders 4 (240),
    //   inventory 8 (480): 20 vCPU × $60 × 2 (standby) = $2,400
    // replicas: catalog 4500 uncached reads / (8 vCPU × 500) = 1.1 → 2; orders 2250 / (4 × 500) → 2; inventory 2:
    //   (2 × 8 + 2 × 4 + 2 × 8) = 40 vCPU × $60 = $2,400
    // storage: 2910 GB × $0.115 × 4 copies (primary, standby, 2 replicas) = $1,338.60
    // standby region: (20 vCPU × $60 + 2910 × $0.115) × 2 (its standby in another zone, as infra/ creates it)
    //   + the standby node pool at its minimum, 3 nodes (one per zone) × (4 × $25 + 16 × $3) = 3,069.30 + 444
    //   = $3,513.30 (was priced as 3 deployables × 2 pods at the floor, $93: fewer than the 3 nodes infra/ creates)
    // cross-region: 500 writes/s → 1,296,000,000 writes × 2 KB / 1e6 = 777.6 GB × $0.02 = $15.55
    assertThat(item(e, "Managed database")).isEqualTo(2400.0);
    assertThat(item(e, "Database read replicas")).isEqualTo(2400.0);
    assertThat(item(e, "Database storage")).isEqualTo(1338.6);
    assertThat(item(e, "Warm standby region")).isEqualTo(3513.3);
    assertThat(e.items()).filteredOn(i -> i.component().equals("Warm standby region")).singleElement()
        .extracting(CostItem::sizing).asString().contains("3 node(s), the standby node pool's minimum");
    // and what infra/'s standby root creates at production's size, one region's worth of each line:
    // control plane $73 + Kafka $465 + load balancer $25 + NAT $112.05 + secrets 3 entries × $0.40 = $676.25
    double copies = java.util.stream.Stream.of("Kubernetes control plane", "Message broker (Kafka)", "Load balancer",
        "NAT gateways", "Secrets").mapToDouble(c -> item(e, c)).sum();
    // keys: production's root 1 + 3 (the databases' backup copies), the standby's root its own: 5 × $1
    assertThat(item(e, "Encryption keys (KMS)")).isEqualTo(5.0);
    assertThat(e.items()).filteredOn(i -> i.component().startsWith("Standby region's")).singleElement()
        .satisfies(i -> {
          assertThat(i.monthlyUsd()).isEqualTo(676.25).isCloseTo(copies, within(0.01));
          assertThat(i.sizing()).startsWith("one region's Kubernetes control plane, Message broker (Kafka), Load"
              + " balancer, NAT gateways");
        });
    assertThat(item(e, "Cross-region transfer")).isEqualTo(15.55);
    // no CDN: every response leaves as internet egress: 5000 req/s → 77,760 GB × $0.09 = $6,998.40
    assertThat(item(e, "Internet egress")).isEqualTo(6998.4);
  }

  @Test
  void aLineIsDatedByTheOldestPriceItUses() {
    Map<String, Map<String, String>> dates = Map.of("aws", Map.of("natGatewayMonth", "2026-06-01",
        "natGb", "2026-12-01", "logsGb", "2026-12-01"));
    Prices dated = new Prices(PRICES.asOf(), PRICES.source(), PRICES.byCloud(), dates);
    Requirements r = Inputs.sample("ecommerce");
    Capacity c = SizingCalculator.size(r, Inputs.STANDARD, BaselineCalculator.compute(r, Inputs.STANDARD), SHOP);
    CostEstimate e = CostEstimator.estimate(r, c, SHOP, dated);
    assertThat(e.items()).filteredOn(i -> i.component().equals("NAT gateways")).singleElement()
        .extracting(CostItem::priceDate).isEqualTo("2026-06-01");
    assertThat(e.items()).filteredOn(i -> i.component().equals("Logs")).singleElement()
        .extracting(CostItem::priceDate).isEqualTo("2026-12-01");
    assertThat(e.items()).filteredOn(i -> i.component().equals("CDN")).singleElement()
        .extracting(CostItem::priceDate).isEqualTo("2026-11-01");
  }

  @Test
  void eachDeploymentOptionIsPricedOnTheChosenCloud() {
    CostEstimate e = estimate(Inputs.sample("ecommerce"), SHOP);
    // kubernetes is the plan: $15,132.74; vm drops the control plane and runs the pods, not the node pool:
    //   60 × (0.5 × $25 + 1 × $3) = $930 instead of $1,332: 15,132.74 − 73 − 402 = $14,657.74
    // managed containers: no control plane, 60 × (0.5 × $29.60 + 1 × $3.25) = $1,083 instead of $1,332: $14,810.74
    // serverless: no pods, nodes or NAT: 5000 × 0.3 × 2,592,000 / 1e6 = 3,888 million requests × $1.90 = $7,387.20;
    //   metrics for 3 functions: 3 × 500 × 86,400 / 1e6 = 129.6 million × $0.09 = $11.66
    //   15,132.74 − 73 − 1,332 − 112.05 − 233.28 + 7,387.20 + 11.66 = $20,781.27
    assertThat(e.byDeployment()).containsOnlyKeys("kubernetes", "managed-containers", "serverless", "vm");
    assertThat(e.byDeployment().get("kubernetes")).isCloseTo(15_132.74, within(0.005));
    assertThat(e.byDeployment().get("vm")).isCloseTo(14_657.74, within(0.005));
    assertThat(e.byDeployment().get("managed-containers")).isCloseTo(14_810.74, within(0.005));
    assertThat(e.byDeployment().get("serverless")).isCloseTo(20_781.27, within(0.005));
  }

  @Test
  void everyCloudIsPricedAndAnyPicksTheCheapest() {
    CostEstimate e = estimate(Inputs.sample("ecommerce", "cloud: aws", "cloud: any"), SHOP);

    assertThat(e.byCloud()).containsOnlyKeys("aws", "gcp", "azure");
    assertThat(e.byCloud().get("aws")).isCloseTo(15_132.74, within(0.005));
    assertThat(e.cloud()).isEqualTo(e.byCloud().entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow()
        .getKey());
    assertThat(e.priceSource()).endsWith("project.cloud is any: priced on " + e.cloud() + ", the cheapest cloud of"
        + " the table for this plan.");
  }

  @Test
  void aGivenCloudIsPricedOnItsOwnTable() {
    CostEstimate e = estimate(Inputs.sample("ecommerce", "cloud: aws", "cloud: azure"), SHOP);
    assertThat(e.cloud()).isEqualTo("azure");
    // cache: 2.7 GB × $20 × 2 = $108; logs: 3,888 GB × $2.30 = $8,942.40
    assertThat(item(e, "Cache")).isEqualTo(108.0);
    assertThat(item(e, "Logs")).isEqualTo(8942.4);
  }

  @Test
  void overBudgetNamesTheCutsLargestSavingFirstAndWhereTheyBringIt() {
    CostEstimate e = estimate(Inputs.sample("ecommerce", "regions: 1", "regions: 2", "monthlyUsd: 20000",
        "monthlyUsd: 8000"), SHOP);

    assertThat(e.overBudget()).isTrue();
    // 2 regions, each sized for the whole 5000 req/s: 9 nodes × $148 × 2 = $2,664
    assertThat(item(e, "Compute")).isEqualTo(2664.0);
    // CDN $5,948.64; standby: database 20 × 60 × 2 × 2 = $4,800 / 2 + storage 2910 × 0.115 × 2 × 2 = $1,338.60 / 2
    // = $3,069.30; reserved: 30 % × (2,664 + 4,800) = $2,239.20; logs $1,944 × 0.9 = $1,749.60;
    // monolith: 24 pods instead of 60: 2,664 × 36 / 60 = $1,598.40; vm instead of kubernetes: 2 control planes
    // $146 + the node pools' $2,664 − 120 pods × $15.50 = $804 → $950; cache replica: 2.7 × 12 × 2 × 2 / 2 = $64.80;
    // one region and a warm standby keeps the standby's cache, broker and network at production's size and its
    // node pool at its minimum, 3 nodes of the 9 at peak: compute 2,664 / 2 − 1,332 × 3 / 9 = $888; metrics
    // 466.56 / 2 = $233.28; so $1,121 (it kept 6 pods, $133, where infra/'s standby pool runs 3 nodes, $444)
    assertThat(e.cuts()).hasSize(8);
    assertThat(e.cuts().get(0)).isEqualTo("Drop the CDN and cache at the gateway: saves about $5,949/month");
    assertThat(e.cuts().get(1)).isEqualTo("Run the database without a standby in another zone (a zone failure then"
        + " means restoring from backups: hours of downtime, which an availability target of 99.95 % allows only"
        + " rarely): saves about $3,069/month");
    assertThat(e.cuts().subList(2, 8)).containsExactly(
        "Commit to 1-year reserved capacity for compute and database: saves about 30 % = $2,239/month",
        "Sample access logs (keep 10 % of requests, every error): saves about $1,750/month",
        "Run 3 services as one modular monolith until the team grows: about 24 pods at peak instead of 60 (no"
            + " internal calls, fewer pods held at the availability floor), saves about $1,598/month",
        "Serve from one region with a warm standby (a database replica, the cache, broker and network at"
            + " production's size, 3 node(s), the standby node pool's minimum (at least 3, one per zone)) instead"
            + " of 2 active regions: saves about $1,121/month",
        "Run on vm instead of kubernetes (see the deployment record's options): saves about $950/month",
        "Run the cache without a replica (it refills from the database after a failure): saves about $65/month");
    assertThat(e.verdict()).matches("The first \\d cuts bring the plan to about \\$\\d,\\d{3}/month, within the"
        + " budget of \\$8,000\\.");
  }

  private static final String TWO_FOUNDERS = """
      archforge: 1
      project:
        name: tasks
        cloud: aws
        team: { size: 2 }
        budget: { monthlyUsd: %d }
      scale:
        peakRps: 20
        dataGb: 5
      services:
        app:
          exposure: public
          entities: [Task]
      entities:
        Task:
          fields:
            title: string
      """;
  private static final Map<String, String> SMALL = Inputs.choices("architecture-style", "modular-monolith",
      "database", "postgresql", "caching", "none", "messaging", "none", "deployment", "kubernetes",
      "backup-dr", "point-in-time-recovery");

  @Test
  void theTwoFounderSaasIsToldWhichCutsBringItUnderThreeHundredDollars() {
    CostEstimate e = estimate(Inputs.yaml(TWO_FOUNDERS.formatted(300)), SMALL);
    // database 2 vCPU (30 connections, 20 req/s) × $60 × 2 (the standby point-in-time recovery promises) = $240;
    // the node pool infra/ creates: 3 nodes (one per zone; its 2 pods need 1) × (4 × $25 + 16 × $3) = $444;
    // control plane $73; NAT: infra/'s network has a gateway in each of its 3 zones, 3 × $32.85 + 2 pods × 5 GB
    // × $0.045 = $99 (it was priced as one gateway, $33.30); egress 311.04 GB × $0.09 = $27.99;
    // load balancer $25; storage 61.5 GB × $0.115 × 2 = $14.15; logs 15.552 GB × $0.50 = $7.78;
    // metrics 86.4 million × $0.09 = $7.78; traces 0.7776 million × $5 = $3.89; backups 17 × 0.095 × 2 = $3.23;
    // keys 2 × $1 (the environment's, the database's backup copy's); secrets: one entry × $0.40; the backups'
    // copy crosses regions: (17 / 12 + 1) GB × $0.02 = $0.05 → $948.27
    assertThat(e.totalUsd()).isCloseTo(948.27, within(0.005));
    assertThat(item(e, "Managed database")).isEqualTo(240.0);
    assertThat(item(e, "Compute")).isEqualTo(444.0);
    assertThat(e.overBudget()).isTrue();
    // serverless instead: $948.27 − $357.93 = $590.34; reserved: 30 % × (444 + 240) = $205.20
    assertThat(e.cuts().get(0)).isEqualTo("Run on serverless instead of kubernetes (see the deployment record's"
        + " options): saves about $590/month");
    assertThat(e.cuts().get(1)).isEqualTo("Commit to 1-year reserved capacity for compute and database: saves about"
        + " 30 % = $205/month");
    // 948.27 − 590.34 − 205.20 = 152.73 → $153
    assertThat(e.verdict()).isEqualTo("The first 2 cuts bring the plan to about $153/month, within the budget of"
        + " $300.");
  }

  @Test
  void whenNoDesignFitsItSaysSoPlainly() {
    // even serverless, without the standby and with sampled logs, costs more than $40
    CostEstimate e = estimate(Inputs.yaml(TWO_FOUNDERS.formatted(40)), SMALL);
    assertThat(e.verdict()).startsWith("No design with these targets fits the budget: even with every cut above, the"
        + " plan costs about $").endsWith("against $40. Raise the budget, or lower what drives the cost: the"
        + " availability target (standbys and replicas), the regions, or the scale.");
  }

  @Test
  void serverlessIsPricedPerRequestAndPubSubPerMessage() {
    Requirements r = Inputs.yaml(Inputs.apiAndWorker("peakRps: 1000\nreadRatio: 0.8"));
    CostEstimate e = estimate(r, Inputs.choices("architecture-style", "serverless", "database", "postgresql",
        "caching", "none", "messaging", "cloud-pubsub", "deployment", "serverless"));

    // project.cloud defaults to any. Functions: 1000 × 0.3 × 2,592,000 / 1e6 = 777.6 million requests
    // Pub/sub: ItemCreated, a state change of Item (api's only entity): 1000 × 0.2 = 200/s, 1 consumer → 400
    //   messages/s × 0.3 × 2,592,000 = 311.04 million
    // databases: one per deployable that owns data: api (200 + 800) / 500 = 2 vCPU, worker (Job) 2 vCPU, each
    //   with the standby point-in-time recovery promises; storage 69 GB × 2;
    //   backups 22 GB × 2 (cross-region copy); no cache; no NAT (no pods)
    // aws: 777.6 × 1.9 = 1,477.44; 311.04 × 0.45 = 139.97; 4 × 60 × 2 = 480; 69 × 0.115 × 2 = 15.87;
    //      22 × 0.095 × 2 = 4.18; LB 25; egress 15,552 GB × 0.09 = 1,399.68; logs 777.6 GB × 0.5 = 388.80;
    //      metrics 2 functions × 500 × 86,400 / 1e6 = 86.4 million × 0.09 = 7.78; traces 38.88 million × 5 = 194.40;
    //      secrets: one entry per deployable 2 × 0.40 = 0.80; keys 3 × 1 = 3 (the environment's, the two databases'
    //      backup copies); backup copy transfer (22 / 12 + 1) GB × 0.02 = 0.06 → 4,136.98
    assertThat(e.items()).extracting(CostItem::component).doesNotContain("Kubernetes control plane", "NAT gateways")
        .noneMatch(c -> c.startsWith("Compute"));
    assertThat(e.byCloud().get("aws")).isCloseTo(4_136.98, within(0.015));
    assertThat(item(e, "Serverless functions")).isEqualTo(1477.44);
    assertThat(item(e, "Message broker (managed pub/sub)")).isEqualTo(139.97);
    assertThat(e.budgetUsd()).isNull();
    assertThat(e.cuts()).isEmpty();
  }
}
