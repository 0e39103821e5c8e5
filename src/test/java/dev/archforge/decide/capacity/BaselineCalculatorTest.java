package dev.archforge.decide.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import org.junit.jupiter.api.Test;

class BaselineCalculatorTest {
  @Test
  void givenScaleIsTakenAsIsAndStorageGrows() {
    Baseline b = BaselineCalculator.compute(Inputs.sample("ecommerce"), Inputs.STANDARD);

    assertThat(b.figures()).extracting(Figure::key).containsExactly("concurrentUsers", "peakRps", "readRps",
        "writeRps", "dataGb", "growthGbPerMonth", "storageGb12", "storageGb36", "provisionedGb36");
    assertThat(b.value("concurrentUsers")).isEqualTo(100_000);
    assertThat(b.value("peakRps")).isEqualTo(5000);
    assertThat(b.figure("peakRps").formula()).isEqualTo("scale.peakRps (given)");
    // 5000 × 0.9 = 4500 reads; 5000 − 4500 = 500 writes
    assertThat(b.value("readRps")).isCloseTo(4500, within(1e-9));
    assertThat(b.value("writeRps")).isCloseTo(500, within(1e-9));
    // 500 + 40 × 12 = 980; 500 + 40 × 36 = 1940; 1940 × 1.5 = 2910
    assertThat(b.value("storageGb12")).isEqualTo(980);
    assertThat(b.value("storageGb36")).isEqualTo(1940);
    assertThat(b.value("provisionedGb36")).isEqualTo(2910);
    assertThat(b.figure("storageGb12").formula()).isEqualTo("dataGb + growthGbPerMonth × 12");
    assertThat(b.figure("provisionedGb36").inputs())
        .containsExactly(new Driver("storageGb36", 1940.0), new Driver("storageOverhead", 1.5));
    assertThat(b.assumptions()).isEmpty();
  }

  @Test
  void peakIsDerivedFromConcurrentUsersWhenNotGiven() {
    Baseline b = BaselineCalculator.compute(Inputs.yaml(Inputs.apiAndWorker("concurrentUsers: 100000")),
        Inputs.STANDARD);

    // 100000 × 0.05 = 5000 req/s; readRatio defaults to 0.8: 4000 reads, 1000 writes
    Figure peak = b.figure("peakRps");
    assertThat(peak.value()).isCloseTo(5000, within(1e-9));
    assertThat(peak.formula()).isEqualTo("concurrentUsers × requestsPerUserPerSecond");
    assertThat(peak.inputs()).containsExactly(new Driver("concurrentUsers", 100_000.0),
        new Driver("requestsPerUserPerSecond", 0.05));
    assertThat(b.value("readRps")).isCloseTo(4000, within(1e-9));
    assertThat(b.value("writeRps")).isCloseTo(1000, within(1e-9));
    // defaults: 10 GB + 1 GB/month → 22 GB after 12 months, 46 after 36, 69 provisioned
    assertThat(b.value("storageGb12")).isEqualTo(22);
    assertThat(b.value("storageGb36")).isEqualTo(46);
    assertThat(b.value("provisionedGb36")).isEqualTo(69);
    assertThat(b.assumptions()).containsExactly(
        "scale.peakRps not given: derived from 100000 concurrent users × 0.05 requests per user per second = 5000 req/s",
        "scale.readRatio not given: assumed 0.8 (80 % of requests are reads)",
        "scale.dataGb not given: assumed 10 GB at launch (the blueprint's defaultDataGb)",
        "scale.growthGbPerMonth not given: assumed 1 GB per month (the blueprint's defaultGrowthGbPerMonth)");
  }

  @Test
  void withNoScaleAtAllTheDefaultUsersAreAssumed() {
    Baseline b = BaselineCalculator.compute(Inputs.sample("minimal"), Inputs.STANDARD);

    // 1000 users × 0.05 = 50 req/s; × 0.8 = 40 reads, 10 writes
    assertThat(b.value("concurrentUsers")).isEqualTo(1000);
    assertThat(b.figure("concurrentUsers").formula()).isEqualTo("defaultConcurrentUsers (assumed)");
    assertThat(b.value("peakRps")).isCloseTo(50, within(1e-9));
    assertThat(b.value("readRps")).isCloseTo(40, within(1e-9));
    assertThat(b.value("writeRps")).isCloseTo(10, within(1e-9));
    assertThat(b.assumptions()).hasSize(5).first().asString()
        .isEqualTo("scale.concurrentUsers not given: assumed 1000 concurrent users (the blueprint's defaultConcurrentUsers)");
    assertThat(b.assumptions().get(1))
        .isEqualTo("scale.peakRps not given: derived from 1000 concurrent users × 0.05 requests per user per second = 50 req/s");
  }

  @Test
  void usersAreDerivedFromAGivenPeak() {
    Baseline b = BaselineCalculator.compute(Inputs.yaml(Inputs.apiAndWorker("peakRps: 3000\nreadRatio: 0.5")),
        Inputs.STANDARD);

    // 3000 / 0.05 = 60000 users; 3000 × 0.5 = 1500 reads and 1500 writes
    assertThat(b.value("concurrentUsers")).isCloseTo(60_000, within(1e-6));
    assertThat(b.figure("concurrentUsers").formula()).isEqualTo("peakRps / requestsPerUserPerSecond");
    assertThat(b.value("writeRps")).isEqualTo(1500);
    assertThat(b.assumptions()).first().asString().isEqualTo(
        "scale.concurrentUsers not given: derived from 3000 req/s ÷ 0.05 requests per user per second = 60000 concurrent users");
  }
}
