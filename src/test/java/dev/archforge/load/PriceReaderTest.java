package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Prices;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceReaderTest {
  private static final Prices STANDARD = BlueprintFixtures.standardPrices();

  private record Read(Optional<Prices> prices, List<String> messages) {}

  private static Read read(String yaml, Prices parent) {
    Diagnostics d = new Diagnostics("prices.yaml");
    Optional<Prices> prices = PriceReader.read(yaml, d, parent);
    return new Read(prices, d.sorted().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void theStandardTablePricesEveryItemOnEveryCloud() {
    assertThat(STANDARD.asOf()).isEqualTo("2026-11-01");
    for (String cloud : List.of("aws", "gcp", "azure")) {
      assertThat(STANDARD.byCloud().get(cloud)).containsOnlyKeys(PriceReader.ITEMS);
    }
    assertThat(STANDARD.price("aws", "clusterMonth")).isEqualTo(73);
    assertThat(STANDARD.price("gcp", "cdnGb")).isEqualTo(0.08);
  }

  @Test
  void aChildOverridesItemsOneByOneAndMayAddACloud() {
    StringBuilder hetzner = new StringBuilder("  hetzner:\n");
    PriceReader.ITEMS.forEach(item -> hetzner.append("    ").append(item).append(": 1\n"));
    Read read = read("""
        asOf: 2027-01-15
        clouds:
          aws:
            vcpuMonth: 20
        """ + hetzner, STANDARD);
    assertThat(read.messages()).isEmpty();
    Prices prices = read.prices().orElseThrow();
    assertThat(prices.asOf()).isEqualTo("2027-01-15");
    assertThat(prices.source()).isEqualTo(STANDARD.source());
    assertThat(prices.price("aws", "vcpuMonth")).isEqualTo(20);
    assertThat(prices.price("aws", "gibMonth")).isEqualTo(3);
    assertThat(prices.price("hetzner", "cdnGb")).isEqualTo(1);
    assertThat(prices.byCloud()).containsOnlyKeys("aws", "gcp", "azure", "hetzner");
  }

  @Test
  void eachPriceKeepsTheDateOfTheTableItCameFrom() {
    Prices prices = read("""
        asOf: 2027-01-15
        clouds:
          aws:
            vcpuMonth: 20
        """, STANDARD).prices().orElseThrow();
    assertThat(prices.date("aws", "vcpuMonth")).isEqualTo("2027-01-15");
    assertThat(prices.date("aws", "gibMonth")).isEqualTo("2026-11-01");
    assertThat(prices.date("gcp", "vcpuMonth")).isEqualTo("2026-11-01");
    assertThat(STANDARD.date("azure", "logsGb")).isEqualTo("2026-11-01");
  }

  @Test
  void problemsAreReportedAtTheirNode() {
    Read read = read("""
        asOf: soon
        currency: EUR
        sources: more
        clouds:
          aws:
            vcpuMonht: 20
            gibMonth: -1
          awz:
            cdnGb: 0.1
        """, STANDARD);
    assertThat(read.prices()).isEmpty();
    assertThat(read.messages()).containsExactly(
        "prices.yaml:1:7: 'asOf' must be a date like 2026-11-01, not 'soon'",
        "prices.yaml:2:11: 'currency' must be USD, not 'EUR': the estimate and budget are in US dollars",
        "prices.yaml:3:1: unknown key 'sources' at the top level — did you mean 'source'?",
        "prices.yaml:6:5: unknown key 'vcpuMonht' in 'clouds.aws' — did you mean 'vcpuMonth'?",
        "prices.yaml:7:15: 'clouds.aws.gibMonth' must not be negative, not -1",
        "prices.yaml:8:3: cloud 'awz' lacks prices for clusterMonth, vcpuMonth, gibMonth, dbVcpuMonth,"
            + " storageGbMonth, backupGbMonth, cacheGibMonth, brokerMonth, queueNodeMonth, pubsubPerMillion,"
            + " loadBalancerMonth, functionsPerMillion, containerVcpuMonth, containerGibMonth, natGatewayMonth, natGb,"
            + " internetEgressGb, crossRegionGb, logsGb, metricsPerMillionSamples, tracesPerMillion, secretMonth,"
            + " kmsKeyMonth, distributedSqlVcpuMonth, dynamoWriteMillion, dynamoReadMillion, dynamoReplicatedWriteMillion,"
            + " dynamoWcuMonth, dynamoRcuMonth, dynamoReplicatedWcuMonth, dynamoStorageGbMonth, dynamoPitrGbMonth, dynamoBackupGbMonth (it is not in the parent's table: aws, azure, gcp — did you mean 'aws'?); a cloud must"
            + " price every item");
  }

  @Test
  void aRootTableNeedsDateSourceCurrencyAndClouds() {
    Read read = read("asOf: 2026-11-01\n", null);
    assertThat(read.prices()).isEmpty();
    assertThat(read.messages()).containsExactly(
        "prices.yaml:1:1: 'source' is required",
        "prices.yaml:1:1: 'currency' is required",
        "prices.yaml:1:1: 'clouds' is required: a mapping of cloud (aws, gcp, azure) to its item prices");
  }
}
