package dev.archforge.decide;

import static dev.archforge.decide.DecisionSensitivityTest.plan;
import static dev.archforge.decide.DecisionSensitivityTest.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archforge.model.Decision;
import dev.archforge.model.Driver;
import dev.archforge.model.Option;
import dev.archforge.model.Plan;
import org.junit.jupiter.api.Test;

/**
 * Distributed SQL is weighed when every region must take writes that survive losing one, at
 * 99.99 % over three or more regions; without that, PostgreSQL stays, and its record says what the
 * alternative would have been.
 */
class DistributedSqlDecisionTest {
  private static final String THREE_REGIONS = "availability: 99.99\nregions: 3\nmultiRegionWrites: true";

  @Test
  void threeRegionsAtFourNinesWithWritesEverywhereGetDistributedSql() {
    Plan plan = plan(system(60, 1_000_000, THREE_REGIONS, "[]", ""));
    Decision database = plan.decision("database").orElseThrow();
    assertThat(database.choice()).isEqualTo("distributed-sql");
    assertThat(database.rule()).isEqualTo("database.distributed-sql-for-multi-region-writes");
    assertThat(database.drivenBy()).contains(new Driver("scale.multiRegionWrites", true),
        new Driver("scale.regions", 3.0));
    assertThat(database.reasons()).anySatisfy(r -> assertThat(r).contains("cross-region round trip"));
    assertThat(plan.decision("backup-dr").orElseThrow().rule()).isEqualTo("backup-dr.active-active-distributed-sql");
    Option chosen = database.options().stream().filter(o -> o.name().equals("distributed-sql")).findFirst()
        .orElseThrow();
    assertThat(chosen.cons()).anySatisfy(c -> assertThat(c).contains("no sequences or identity columns as keys"));
  }

  @Test
  void withoutWritesInEveryRegionOrInOneRegionPostgresqlStays() {
    Plan homeRegion = plan(system(60, 1_000_000, "availability: 99.99\nregions: 3", "[]", ""));
    Plan oneRegion = plan(system(60, 1_000_000, "availability: 99.99\nmultiRegionWrites: true", "[]", ""));
    Plan threeNines = plan(system(60, 1_000_000, "availability: 99.95\nregions: 3\nmultiRegionWrites: true", "[]",
        ""));
    for (Plan p : new Plan[] {homeRegion, oneRegion, threeNines}) {
      assertThat(p.choice("database")).isEqualTo("postgresql");
    }
    Option postgresql = homeRegion.decision("database").orElseThrow().options().stream()
        .filter(o -> o.name().equals("postgresql")).findFirst().orElseThrow();
    assertThat(postgresql.cons()).anySatisfy(c -> assertThat(c).contains("distributed SQL (below) is the alternative"));
  }

  @Test
  void twoRegionsCannotKeepAQuorumAndTheUserIsTold() {
    Plan plan = plan(system(60, 1_000_000, "availability: 99.99\nregions: 2\nmultiRegionWrites: true", "[]", ""));
    assertThat(plan.choice("database")).isEqualTo("postgresql");
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("cannot keep a majority"));
  }

  /**
   * By hand, on AWS: writeRps 10,000, readRps 40,000, a CDN and Redis (20 % of reads reach the
   * database), regionalRps 25,000 of peakRps 50,000. Work = 10,000 × 5 replicas / 3 regions + 40,000 ×
   * 0.2 × 0.5 = 20,666.7 statements/s → ceil(/500) = 42 vCPU a region × $160 × 3 regions = $20,160.
   * Storage 69 GB × 5 replicas × $0.115 = $39.675 (to the cent $39.68); backups 22 GB × $0.095 × 2 = $4.18. No standby and
   * no read replicas are priced; the cache still is.
   */
  @Test
  void theDistributedDatabaseIsPricedByItsNodesAndReplicas() {
    Plan plan = plan(system(60, 1_000_000, THREE_REGIONS, "[]", ""));
    assertThat(plan.capacity().figure("writeRps").orElseThrow().value()).isEqualTo(10_000.0);
    assertThat(plan.capacity().figure("readRps").orElseThrow().value()).isEqualTo(40_000.0);
    assertThat(plan.capacity().figure("regionalRps").orElseThrow().value()).isEqualTo(25_000.0);
    assertThat(plan.capacity().figure("provisionedGb36").orElseThrow().value()).isEqualTo(69.0);
    assertThat(plan.capacity().figure("storageGb12").orElseThrow().value()).isEqualTo(22.0);
    var items = plan.cost().items();
    assertThat(items).filteredOn(i -> i.component().equals("Managed database (distributed SQL)")).singleElement()
        .satisfies(i -> {
          assertThat(i.monthlyUsd()).isCloseTo(20_160.0, within(0.01));
          assertThat(i.sizing()).startsWith("42 vCPU a region");
        });
    assertThat(items).filteredOn(i -> i.component().equals("Database storage")).singleElement()
        .satisfies(i -> assertThat(i.monthlyUsd()).isCloseTo(39.68, within(0.005)));
    assertThat(items).filteredOn(i -> i.component().equals("Database backups")).singleElement()
        .satisfies(i -> assertThat(i.monthlyUsd()).isCloseTo(4.18, within(0.001)));
    assertThat(items).extracting(i -> i.component())
        .doesNotContain("Database read replicas", "Warm standby region").contains("Cache (Redis)");
  }

  /**
   * Each write reaches the replicas of its range outside the writing region: 5 replicas over 3 regions,
   * ceil(5 / 3) = 2 in the writing one, so 3 copies cross a region (a PostgreSQL primary sends 2, one
   * per other region). 10,000 writes/s × 0.3 × 2,592,000 s × 2 KB / 1e6 = 15,552 GB × 3 = 46,656 GB ×
   * $0.02 = $933.12.
   */
  @Test
  void replicationTrafficCountsEveryReplicaOutsideTheWritingRegion() {
    Plan plan = plan(system(60, 1_000_000, THREE_REGIONS, "[]", ""));
    assertThat(plan.cost().items()).filteredOn(i -> i.component().equals("Cross-region transfer")).singleElement()
        .satisfies(i -> {
          assertThat(i.monthlyUsd()).isCloseTo(933.12, within(0.005));
          assertThat(i.sizing()).contains("× 3 replica(s) outside the writing region (5 replicas of every range over 3"
              + " regions)");
          assertThat(i.formula()).contains("(replicas − ceil(replicas / regions))");
          assertThat(i.priceDate()).isEqualTo("2026-11-01");
        });
  }
}
