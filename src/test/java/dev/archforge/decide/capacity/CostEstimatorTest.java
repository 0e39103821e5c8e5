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
  void itemsOnAwsLargestFirstUnderBudget() {
    CostEstimate e = estimate(Inputs.sample("ecommerce"), SHOP);

    assertThat(e.cloud()).isEqualTo("aws");
    assertThat(e.priceDate()).isEqualTo("2026-11-01");
    // CDN: 4500 reads/s × 0.3 × 2,592,000 s × 20 KB / 1e6 = 69,984 GB × $0.085 = $5,948.64
    // cache: 196 GB × $12 × 2 (replica at 99.95 %) = $4,704
    // compute: 60 pods × (0.5 × $25 + 1 × $3) = $930
    // Kafka: 3 × $155 = $465
    // database: (500 writes + 4500 reads × 0.2 uncached) / 500 = 2.8 → 3 vCPU × $60 × 2 (standby) = $360
    // storage: 2910 GB × $0.115 = $334.65; backups: 980 GB × $0.095 = $93.10
    // control plane $73; load balancer $25
    assertThat(e.items()).extracting(CostItem::component).containsExactly("CDN", "Cache (Redis)",
        "Compute (Kubernetes worker nodes)", "Message broker (Kafka)", "Managed database (postgresql)",
        "Database storage", "Database backups", "Kubernetes control plane", "Load balancer");
    assertThat(e.items()).extracting(CostItem::monthlyUsd)
        .containsExactly(5948.64, 4704.0, 930.0, 465.0, 360.0, 334.65, 93.1, 73.0, 25.0);
    assertThat(e.items().get(0).formula())
        .isEqualTo("readRps × averageToPeak × secondsPerMonth × avgResponseKb / 1e6 × cdnGb");
    assertThat(e.items().get(2).sizing()).isEqualTo("60 pods at peak × (0.5 vCPU, 1 GiB) × 1 region(s)");
    assertThat(e.totalUsd()).isCloseTo(12_933.39, within(0.005));
    assertThat(e.budgetUsd()).isEqualTo(20_000.0);
    assertThat(e.overBudget()).isFalse();
    assertThat(e.cuts()).isEmpty();
  }

  @Test
  void everyCloudIsPricedAndAnyPicksTheCheapest() {
    CostEstimate e = estimate(Inputs.sample("ecommerce", "cloud: aws", "cloud: any"), SHOP);

    // gcp: CDN 69,984 × 0.08 = 5,598.72; cache 196 × 17 × 2 = 6,664; compute 60 × (11.5 + 3.1) = 876;
    //      Kafka 750; database 3 × 51 × 2 = 306; storage 2910 × 0.17 = 494.70; backups 78.40; 73; 20 → 14,860.82
    // azure: CDN 69,984 × 0.081 = 5,668.70; cache 196 × 20 × 2 = 7,840; compute 60 × (13 + 3.3) = 978;
    //      Kafka 735; database 3 × 65 × 2 = 390; 334.65; 93.10; 73; 25 → 16,137.45
    assertThat(e.byCloud()).containsOnlyKeys("aws", "gcp", "azure");
    assertThat(e.byCloud().get("aws")).isCloseTo(12_933.39, within(0.005));
    assertThat(e.byCloud().get("gcp")).isCloseTo(14_860.82, within(0.005));
    assertThat(e.byCloud().get("azure")).isCloseTo(16_137.45, within(0.005));
    assertThat(e.cloud()).isEqualTo("aws");
    assertThat(e.priceSource()).endsWith("project.cloud is any: priced on aws, the cheapest cloud of the table for"
        + " this plan.");
  }

  @Test
  void aGivenCloudIsPricedOnItsOwnTable() {
    CostEstimate e = estimate(Inputs.sample("ecommerce", "cloud: aws", "cloud: azure"), SHOP);
    assertThat(e.cloud()).isEqualTo("azure");
    assertThat(e.totalUsd()).isCloseTo(16_137.45, within(0.005));
    assertThat(item(e, "Cache")).isEqualTo(7840.0);
  }

  @Test
  void overBudgetSaysWhatToCutLargestSavingFirst() {
    CostEstimate e = estimate(Inputs.sample("ecommerce", "regions: 1", "regions: 2", "monthlyUsd: 20000",
        "monthlyUsd: 5000"), SHOP);

    // 2 regions, each sized for the whole 5000 req/s: 60 pods per region
    // compute 60 × 15.5 × 2 = 1,860; database 3 × 60 × 2 × 2 = 720; storage 2910 × 0.115 × 2 = 669.30;
    // cache 196 × 12 × 2 × 2 = 9,408; Kafka 3 × 155 × 2 = 930; control plane 146; LB 50;
    // CDN 5,948.64; backups 93.10 → 19,825.04
    assertThat(e.totalUsd()).isCloseTo(19_825.04, within(0.005));
    assertThat(e.overBudget()).isTrue();
    // one region + warm standby: regional items 11,203.30 fixed + 2,580 traffic-scaled; after: 11,203.30 / 2
    //   + 2,580 / 2 + standby (720 + 669.30) / 2 = 7,586.30 → saves 13,783.30 − 7,586.30 = 6,197
    // CDN: 5,948.64 → 5,949; cache replica: 9,408 / 2 = 4,704
    // monolith: ceil(5000 / 210) = 24 pods instead of 60 → 1,860 × 36 / 60 = 1,116
    // reserved: 30 % × (1,860 + 720) = 774
    assertThat(e.cuts()).containsExactly(
        "Serve from one region with a warm standby (a database replica, no compute) instead of 2 active regions:"
            + " saves about $6,197/month",
        "Drop the CDN and cache at the gateway: saves about $5,949/month",
        "Run the cache without a replica (it refills from the database after a failure): saves about $4,704/month",
        "Run 3 services as one modular monolith until the team grows: about 24 pods at peak instead of 60 (no"
            + " internal calls, fewer pods held at the availability floor), saves about $1,116/month",
        "Commit to 1-year reserved capacity for compute and database: saves about 30 % = $774/month");
  }

  @Test
  void serverlessIsPricedPerRequestAndPubSubPerMessage() {
    Requirements r = Inputs.yaml(Inputs.apiAndWorker("peakRps: 1000\nreadRatio: 0.8"));
    CostEstimate e = estimate(r, Inputs.choices("architecture-style", "serverless", "database", "postgresql",
        "caching", "none", "messaging", "cloud-pubsub", "deployment", "serverless"));

    // project.cloud defaults to any. Functions: 1000 × 0.3 × 2,592,000 / 1e6 = 777.6 million requests
    // Pub/sub: ItemCreated 1000 × 0.2 = 200/s, 1 consumer → 400 messages/s × 0.3 × 2,592,000 = 311.04 million
    // database: (200 + 800) / 500 = 2 vCPU; storage 69 GB; backups 22 GB; no cache (99.9 %: no standby)
    // aws: 777.6 × 1.9 = 1,477.44; 311.04 × 0.45 = 139.97; 2 × 60 = 120; 69 × 0.115 = 7.94 (7.935);
    //      22 × 0.095 = 2.09; LB 25 → 1,772.44
    // gcp: 777.6 × 2.1 = 1,632.96; 311.04 × 0.04 = 12.44; 102; 11.73; 1.76; 20 → 1,780.89
    // azure: 1,477.44; 311.04 × 0.8 = 248.83; 130; 7.94; 2.09; 25 → 1,891.30
    assertThat(e.items()).extracting(CostItem::component).doesNotContain("Kubernetes control plane")
        .noneMatch(c -> c.startsWith("Compute"));
    assertThat(e.byCloud().get("aws")).isCloseTo(1_772.44, within(0.015));
    assertThat(e.byCloud().get("gcp")).isCloseTo(1_780.89, within(0.015));
    assertThat(e.byCloud().get("azure")).isCloseTo(1_891.30, within(0.015));
    assertThat(e.cloud()).isEqualTo("aws");
    assertThat(item(e, "Serverless functions")).isEqualTo(1477.44);
    assertThat(item(e, "Message broker (managed pub/sub)")).isEqualTo(139.97);
    assertThat(e.budgetUsd()).isNull();
    assertThat(e.cuts()).isEmpty();
  }
}
