package dev.archforge.decide.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Requirements;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The broker's size follows the event throughput, hand-computed: MSK's storage, Managed Kafka's vCPU
 * and memory, Event Hubs' processing units; and the secret variables and entries each deployable has.
 */
class BrokerSizeTest {
  @Test
  void aBusyBrokerGrowsInEachCloudsUnit() {
    // 12 MB/s published, each event read by 2 consumers: 24 MB/s delivered
    BrokerSize size = BrokerSize.of(12, 24);
    // MSK: 12 MB/s × 7 days × 86,400 s / 1000 × 3 replicas / 3 brokers × 1.5 = 10,886.4 → 10,887 GB a broker
    assertThat(size.storageGb()).isEqualTo(10_887);
    // Managed Kafka: write-equivalent 12 × 3 + (24 + 12 × 2) / 4 = 48 MB/s / (20 × 0.5) = 4.8 → 5 vCPU, 20 GiB
    assertThat(size.kafkaVcpu()).isEqualTo(5);
    assertThat(size.kafkaMemoryGib()).isEqualTo(20);
    assertThat(size.kafkaMemoryBytes()).isEqualTo(20L * 1024 * 1024 * 1024);
    // 5 × 0.6 + 20 × 0.1 = 5 DCU
    assertThat(size.dcu()).isEqualTo(5.0);
    // Event Hubs Premium: max(12 / 5, 24 / 10) = 2.4 → the first of 1, 2, 4, 8, 16 above it: 4
    assertThat(size.processingUnits()).isEqualTo(4);
    assertThat(size.unitsFormula()).startsWith("4 processing unit(s) = the first of [1, 2, 4, 8, 16] ≥ max(12 MB/s");
  }

  @Test
  void aQuietBrokerKeepsEachCloudsSmallestSize() {
    BrokerSize size = BrokerSize.of(0.1, 0.2);
    assertThat(size.storageGb()).isEqualTo(BrokerSize.MIN_STORAGE_GB);
    assertThat(size.kafkaVcpu()).isEqualTo(3);
    assertThat(size.kafkaMemoryGib()).isEqualTo(12);
    assertThat(size.processingUnits()).isEqualTo(1);
    // beyond 16 units Event Hubs Premium takes no more: 16
    assertThat(BrokerSize.of(500, 0).processingUnits()).isEqualTo(16);
  }

  @Test
  void theEventRatesOfThePlanSizeIt() {
    Requirements r = Inputs.yaml(Inputs.apiAndWorker("peakRps: 1000\nreadRatio: 0.8"));
    Map<String, String> choices = Inputs.choices("architecture-style", "microservices", "database", "postgresql",
        "caching", "none", "messaging", "kafka", "deployment", "kubernetes");
    var c = SizingCalculator.size(r, Inputs.STANDARD, BaselineCalculator.compute(r, Inputs.STANDARD), choices);
    // ItemCreated: a state change of Item, 1000 × 0.2 = 200/s, read by worker: 0.2 MB/s in, 0.2 MB/s out
    BrokerSize size = BrokerSize.of(r, c);
    assertThat(size.inMbps()).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(size.outMbps()).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void secretVariablesFollowWhatADeployableReachesAndEntriesTheRuntime() {
    Requirements r = Inputs.yaml(Inputs.apiAndWorker("peakRps: 1000"));
    Map<String, String> kafka = Inputs.choices("architecture-style", "microservices", "database", "postgresql",
        "caching", "redis", "messaging", "kafka", "deployment", "managed-containers");
    assertThat(SecretVariables.of(r, kafka, "api", dev.archforge.model.Cloud.AWS))
        .containsExactly("DB_USER", "DB_PASSWORD", "CACHE_PASSWORD", "BROKER_USERNAME", "BROKER_PASSWORD");
    // under mtls MSK takes the client's certificate; Event Hubs still a password
    Map<String, String> mtls = new java.util.LinkedHashMap<>(kafka);
    mtls.put("authentication", "mtls");
    assertThat(SecretVariables.of(r, mtls, "api", dev.archforge.model.Cloud.AWS))
        .containsExactly("DB_USER", "DB_PASSWORD", "CACHE_PASSWORD");
    assertThat(SecretVariables.of(r, mtls, "api", dev.archforge.model.Cloud.AZURE)).hasSize(5);
    // a deployable that is no service of the plan (a backend for frontend) has none
    assertThat(SecretVariables.of(r, kafka, "web-bff", dev.archforge.model.Cloud.AWS)).isEmpty();
    // one entry per deployable on aws; one per variable on Container Apps
    List<String> both = List.of("api", "worker");
    assertThat(SecretVariables.count(r, kafka, both, dev.archforge.model.Cloud.AWS)).isEqualTo(2);
    assertThat(SecretVariables.count(r, kafka, both, dev.archforge.model.Cloud.AZURE)).isEqualTo(10);
    assertThat(SecretVariables.entries(List.of("A", "B"), true, "json", v -> "e-" + v)).containsExactly("e-A", "e-B");
    assertThat(SecretVariables.entries(List.of("A", "B"), false, "json", v -> "e-" + v)).containsExactly("json");
    assertThat(SecretVariables.entries(List.of(), false, "json", v -> v)).isEmpty();
  }
}
