package dev.archforge.load;

import dev.archforge.model.CapacityAssumptions;
import dev.archforge.model.Prices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The standard blueprint's capacity assumptions and price table, read by the real readers, for tests elsewhere. */
public final class BlueprintFixtures {
  /** The {@code capacity:} section proposed for blueprints/standard/blueprint.yaml. */
  public static final String CAPACITY_YAML = """
      capacity:
        requestsPerUserPerSecond: 0.05   # requests one active user makes per second (derives peakRps from concurrentUsers)
        defaultConcurrentUsers: 1000     # users assumed when neither scale.peakRps nor scale.concurrentUsers is given
        defaultDataGb: 10                # data at launch when scale.dataGb is not given
        defaultGrowthGbPerMonth: 1       # growth when scale.growthGbPerMonth is not given
        podRps:                          # requests per second one pod (0.5 vCPU, 1 GiB) serves at full use
          java: 300
          kotlin: 300
          go: 600
          node: 250
          python: 150
        targetUtilization: 0.7           # share of a pod's capacity used at peak; the rest is headroom (0 < x <= 1)
        burstFactor: 2                   # the HPA maximum covers this multiple of the stated peak (>= 1)
        podCpuMillis: 500                # CPU request of one pod, millicores
        podMemoryMib: 1024               # memory request of one pod, MiB
        poolSizePerPod: 10               # database connections per pod (HikariCP maximumPoolSize and the like)
        dbMaxConnections: 200            # connections one database instance accepts; a pooler is advised above 80 %
        storageOverhead: 1.5             # provisioned storage per GB of data: indexes, WAL, free space (>= 1)
        hotDataShare: 0.2                # share of the data read often enough to keep in the cache (0..1)
        partitionMessagesPerSecond: 1000 # messages one consumer of one Kafka partition handles per second
        eventsPerWrite: 1                # events a publishing service emits per write request
        minPartitions: 3                 # the fewest partitions per topic, for consumer parallelism
      """;

  private BlueprintFixtures() {}

  public static CapacityAssumptions standardCapacity() {
    Diagnostics d = new Diagnostics("blueprint.yaml");
    YamlMap section = SafeYaml.parse(CAPACITY_YAML, d).flatMap(root -> YamlMap.open(root, "", d))
        .flatMap(root -> root.map("capacity")).orElseThrow();
    CapacityAssumptions assumptions = CapacityReader.read(section, null, d);
    if (d.hasErrors() || assumptions == null) {
      throw new IllegalStateException(d.sorted().toString());
    }
    return assumptions;
  }

  public static Prices standardPrices() {
    try {
      Diagnostics d = new Diagnostics("blueprints/standard/prices.yaml");
      return PriceReader.read(Files.readString(Path.of("blueprints/standard/prices.yaml")), d, null)
          .orElseThrow(() -> new IllegalStateException(d.sorted().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
