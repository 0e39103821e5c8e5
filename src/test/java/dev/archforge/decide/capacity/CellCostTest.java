package dev.archforge.decide.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.CellEstimate;
import dev.archforge.model.CostItem;
import dev.archforge.model.Plan;
import dev.archforge.testing.SamplePlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Under {@code dataResidency} each cell is sized and priced on its share; the estimate is the sum.
 * Hand-computed for samples/clinic-residency.yaml on aws (blueprints/standard/prices.yaml): two cells
 * of one serving region each, an even split of 20,000 users (1,000 req/s, 80 % reads), 300 GB + 15 GB
 * a month, managed containers, PostgreSQL with a standby, Redis, no broker.
 */
class CellCostTest {
  private static final Path CLINIC = Path.of("samples/clinic-residency.yaml");

  @Test
  void eachCellIsPricedOnItsShareAndTheTotalIsTheirSum() {
    Plan plan = SamplePlans.plan(CLINIC);
    var cost = plan.cost();
    assertThat(cost.cells()).extracting(CellEstimate::jurisdiction).containsExactly("eu", "us");
    CellEstimate eu = cost.cells().get(0);
    assertThat(eu.share()).isEqualTo(0.5);
    assertThat(eu.shareBasis()).contains("even split over 2 cells");
    // the cell: 10,000 users → 500 req/s (400 reads, 100 writes), in 1 region; 150 GB + 7.5 GB/month →
    // 240 GB after 12 months, 420 after 36, 630 provisioned; pods: ceil(500 / (300 × 0.7)) = 3
    assertThat(eu.capacity().figure("peakRps").orElseThrow().value()).isEqualTo(500);
    assertThat(eu.capacity().figure("regionalRps").orElseThrow().value()).isEqualTo(500);
    assertThat(eu.capacity().figure("provisionedGb36").orElseThrow().value()).isEqualTo(630);
    assertThat(eu.capacity().services().get(0).podsNeeded()).isEqualTo(3);
    // CDN: 400 × 0.3 × 2,592,000 s × 20 KB / 1e6 = 6,220.8 GB × $0.085 = $528.77
    // database: max(2, ceil((100 + 400 × 0.2) / 500)) = 2 vCPU × $60 × 2 (standby) × 1 region = $240
    // logs: 500 × 0.3 × 2,592,000 × 1 KB / 1e6 = 388.8 GB × $0.50 = $194.40
    // storage: 630 GB × $0.115 × 2 copies = $144.90
    // egress: 100 × 0.3 × 2,592,000 × 20 KB / 1e6 = 1,555.2 GB × $0.09 = $139.97
    // NAT: 3 gateways × $32.85 + 3 pods × 5 GB × $0.045 = $99.23 (half a cent rounds either way in binary)
    // traces: 388.8 million × 0.05 = 19.44 million × $5 = $97.20
    // compute: 3 pods × (0.5 × $29.60 + 1 × $3.25) = $54.15
    // backups: 240 GB × $0.095 × 2 (a copy in the recovery region) = $45.60
    // load balancer $25; cache: 1 GB × $12 × 2 (replica) = $24
    // metrics: 3 pods × 500 series × 86,400 = 129.6 million × $0.09 = $11.66; keys as the cell's root creates
    //   them: the environment's and the database's backup copy's, 2 × $1
    // the copy to eu-central-1 crosses regions: 240 GB / 12 (the first full copy over a year) + 7.5 GB a month
    //   = 27.5 GB × $0.02 = $0.55; secrets: one entry (the deployable's variables as JSON keys) × $0.40
    assertThat(eu.items()).extracting(CostItem::component).containsExactly("CDN", "Managed database (postgresql)",
        "Logs", "Database storage", "Internet egress", "NAT gateways", "Traces", "Compute (managed containers)",
        "Database backups", "Load balancer", "Cache (Redis)", "Metrics", "Encryption keys (KMS)",
        "Backup copy transfer", "Secrets");
    assertThat(eu.items()).extracting(CostItem::monthlyUsd).satisfiesExactly(
        v -> assertThat(v).isEqualTo(528.77), v -> assertThat(v).isEqualTo(240.0),
        v -> assertThat(v).isEqualTo(194.4), v -> assertThat(v).isEqualTo(144.9),
        v -> assertThat(v).isEqualTo(139.97), v -> assertThat(v).isCloseTo(99.225, within(0.006)),
        v -> assertThat(v).isEqualTo(97.2), v -> assertThat(v).isEqualTo(54.15), v -> assertThat(v).isEqualTo(45.6),
        v -> assertThat(v).isEqualTo(25.0), v -> assertThat(v).isEqualTo(24.0), v -> assertThat(v).isEqualTo(11.66),
        v -> assertThat(v).isEqualTo(2.0), v -> assertThat(v).isEqualTo(0.55), v -> assertThat(v).isEqualTo(0.4));
    assertThat(eu.totalUsd()).isCloseTo(1_607.83, within(0.011));
    assertThat(cost.cells().get(1).items()).isEqualTo(eu.items());
    assertThat(cost.totalUsd()).isCloseTo(eu.totalUsd() + cost.cells().get(1).totalUsd(), within(0.001));
    assertThat(cost.items()).hasSize(30).anySatisfy(i -> assertThat(i.component()).isEqualTo("CDN, cell us"));
    assertThat(cost.items().stream().mapToDouble(CostItem::monthlyUsd).sum()).isCloseTo(cost.totalUsd(), within(0.001));
  }

  @Test
  void theBudgetIsCheckedAgainstTheSumAndNeverMergesCells() throws IOException {
    String text = Files.readString(CLINIC).replace("monthlyUsd: 25000", "monthlyUsd: 2500");
    Plan plan = SamplePlans.plan(new RequirementsLoader().load("clinic.yaml", text).requirements().orElseThrow());
    var cost = plan.cost();
    assertThat(cost.cells()).allSatisfy(c -> assertThat(c.totalUsd()).isLessThan(2500));
    assertThat(cost.overBudget()).isTrue();
    assertThat(cost.cuts()).isNotEmpty().noneSatisfy(c -> assertThat(c).startsWith("Serve from one region"));
  }

  @Test
  void withoutResidencyTheEstimateHasNoCells() throws IOException {
    String text = Files.readString(CLINIC).replace("dataResidency: [eu, us]", "");
    Plan plan = SamplePlans.plan(new RequirementsLoader().load("clinic.yaml", text).requirements().orElseThrow());
    assertThat(plan.cost().cells()).isEmpty();
    assertThat(plan.cost().items()).noneSatisfy(i -> assertThat(i.component()).contains(", cell "));
  }
}
