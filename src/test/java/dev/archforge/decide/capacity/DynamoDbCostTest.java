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
 * DynamoDB priced as it is billed, hand-computed against blueprints/standard/prices.yaml (aws, dated
 * 2026-11-01). The ecommerce sample: 5,000 req/s at peak, 3 services owning tables, 980 GB after 12
 * months, a CDN and Redis in front (80 % of reads never reach the table).
 */
class DynamoDbCostTest {
  private static final Prices PRICES = BlueprintFixtures.standardPrices();
  private static final Map<String, String> DYNAMO = Inputs.choices("architecture-style", "microservices",
      "database", "dynamodb", "caching", "cdn-and-redis", "messaging", "none", "deployment", "kubernetes");

  private static CostEstimate estimate(Requirements r) {
    Capacity c = SizingCalculator.size(r, Inputs.STANDARD, BaselineCalculator.compute(r, Inputs.STANDARD), DYNAMO);
    return CostEstimator.estimate(r, c, DYNAMO, PRICES);
  }

  private static CostItem item(CostEstimate e, String component) {
    return e.items().stream().filter(i -> i.component().equals(component)).findFirst()
        .orElseThrow(() -> new AssertionError("no item " + component + " in " + e.items()));
  }

  @Test
  void belowAThousandWritesASecondItIsBilledPerRequest() {
    CostEstimate e = estimate(Inputs.sample("ecommerce"));
    // 500 writes/s × 0.3 × 2,592,000 s = 388.8 million write units × $0.625 = $243
    assertThat(item(e, "DynamoDB writes (on-demand)").monthlyUsd()).isEqualTo(243.0);
    // 4,500 reads/s × 0.2 uncached × 0.3 × 2,592,000 × 0.5 unit = 349.92 million read units × $0.125 = $43.74
    assertThat(item(e, "DynamoDB reads (on-demand)").monthlyUsd()).isEqualTo(43.74);
    // 980 GB × $0.25 = $245; point-in-time recovery 980 GB × $0.20 = $196
    assertThat(item(e, "DynamoDB storage").monthlyUsd()).isEqualTo(245.0);
    assertThat(item(e, "DynamoDB point-in-time recovery").monthlyUsd()).isEqualTo(196.0);
    assertThat(e.items()).noneSatisfy(i -> assertThat(i.component()).startsWith("Managed database"))
        .noneSatisfy(i -> assertThat(i.component()).contains("replicated"))
        .noneSatisfy(i -> assertThat(i.component()).isEqualTo("Database storage"));
    assertThat(item(e, "DynamoDB writes (on-demand)").formula())
        .isEqualTo("writeRps × averageToPeak × secondsPerMonth / 1e6 × dynamoWriteMillion");
    assertThat(e.items()).filteredOn(i -> i.component().startsWith("DynamoDB"))
        .allSatisfy(i -> assertThat(i.priceDate()).isEqualTo("2026-11-01"));
  }

  @Test
  void onAwsTheDailyBackupsAreKeptAWeekAndCopiedToTheRecoveryRegionEveryDay() {
    CostEstimate e = estimate(Inputs.sample("ecommerce"));
    // 980 GB × 7 full backups × 2 (a copy in the recovery region) × $0.10 = $1,372
    assertThat(item(e, "DynamoDB daily backups").monthlyUsd()).isEqualTo(1372.0);
    assertThat(item(e, "DynamoDB daily backups").formula()).isEqualTo("storageGb12 × 7 × 2 × dynamoBackupGbMonth");
    // 980 GB × 30 daily copies = 29,400 GB a month × $0.02 = $588
    assertThat(item(e, "Backup copy transfer").monthlyUsd()).isEqualTo(588.0);
    assertThat(item(e, "Backup copy transfer").sizing()).startsWith("29400 GB a month to the recovery region");
  }

  @Test
  void underNightlySnapshotsThirtyFullBackupsAreKeptAndNoneIsCopied() {
    Map<String, String> nightly = new java.util.HashMap<>(DYNAMO);
    nightly.put("backup-dr", "daily-backups");
    Requirements r = Inputs.sample("ecommerce");
    Capacity c = SizingCalculator.size(r, Inputs.STANDARD, BaselineCalculator.compute(r, Inputs.STANDARD), nightly);
    CostEstimate e = CostEstimator.estimate(r, c, nightly, PRICES);
    // 980 GB × 30 full backups × $0.10 = $2,940
    assertThat(item(e, "Database backups").monthlyUsd()).isEqualTo(2940.0);
    assertThat(e.items()).noneSatisfy(i -> assertThat(i.component()).isIn("Backup copy transfer",
        "DynamoDB daily backups", "DynamoDB point-in-time recovery"));
  }

  @Test
  void inThreeRegionsEveryWriteIsReplicatedToTheOtherTwoAndEachRegionHoldsTheData() {
    CostEstimate e = estimate(Inputs.sample("ecommerce", "regions: 1 ", "regions: 3 "));
    // 388.8 million writes × 2 other regions = 777.6 million replicated write units × $0.625 = $486
    assertThat(item(e, "DynamoDB replicated writes (global tables)").monthlyUsd()).isEqualTo(486.0);
    assertThat(item(e, "DynamoDB writes (on-demand)").monthlyUsd()).isEqualTo(243.0);
    // 980 GB × $0.25 × 3 = $735; 980 × $0.20 × 3 = $588
    assertThat(item(e, "DynamoDB storage").monthlyUsd()).isEqualTo(735.0);
    assertThat(item(e, "DynamoDB point-in-time recovery").monthlyUsd()).isEqualTo(588.0);
  }

  @Test
  void fromAThousandWritesASecondEachTableIsProvisioned() {
    CostEstimate e = estimate(Inputs.sample("ecommerce", "readRatio: 0.9", "readRatio: 0.7"));
    // 1,500 writes/s, 3,500 reads/s: 1,500 write units and ceil(3,500 / 2) = 1,750 read units per table
    // writes: 3 tables × 1,500 × $0.4745 = $2,135.25; reads: 3 × 1,750 × $0.0949 = $498.225
    assertThat(item(e, "DynamoDB write capacity (provisioned)").monthlyUsd()).isEqualTo(2135.25);
    assertThat(item(e, "DynamoDB read capacity (provisioned)").monthlyUsd()).isCloseTo(498.225, within(0.006));
    assertThat(e.items()).noneSatisfy(i -> assertThat(i.component()).contains("on-demand"));

    CostEstimate three = estimate(Inputs.sample("ecommerce", "readRatio: 0.9", "readRatio: 0.7", "regions: 1 ",
        "regions: 3 "));
    // every replica provisions replicated write units: 3 tables × 1,500 × 3 regions × $0.4745 = $6,405.75
    assertThat(item(three, "DynamoDB write capacity (provisioned)").monthlyUsd()).isEqualTo(6405.75);
    assertThat(item(three, "DynamoDB write capacity (provisioned)").formula())
        .isEqualTo("tables × ceil(writeRps) × regions × dynamoReplicatedWcuMonth");
  }

  @Test
  void theTableDesignAndTheEstimateShareOneBillingRule() {
    assertThat(DynamoDbCapacity.of(999, 10)).isEqualTo(new DynamoDbCapacity(true, 5, 999));
    assertThat(DynamoDbCapacity.of(1000, 3501)).isEqualTo(new DynamoDbCapacity(false, 1751, 1000));
  }
}
