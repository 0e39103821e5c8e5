package dev.archforge.model;

import java.util.Map;

/**
 * The blueprint's stated assumptions for the capacity arithmetic ({@code capacity:} in
 * blueprint.yaml); every one is named in CAPACITY.md where it is used.
 *
 * @param requestsPerUserPerSecond requests one active user makes per second, to derive peak RPS
 * @param defaultConcurrentUsers users assumed when neither peakRps nor concurrentUsers is given
 * @param defaultDataGb data at launch when dataGb is not given
 * @param defaultGrowthGbPerMonth growth when growthGbPerMonth is not given
 * @param podRps requests per second one pod serves at full use, by language
 * @param targetUtilization the share of a pod's capacity used at peak (headroom is the rest)
 * @param burstFactor the HPA maximum covers this multiple of the stated peak
 * @param podCpuMillis CPU request of one pod
 * @param podMemoryMib memory request of one pod
 * @param poolSizePerPod database connections per pod
 * @param dbMaxConnections connections one database instance accepts
 * @param storageOverhead provisioned storage per GB of data (indexes, WAL, free space)
 * @param hotDataShare share of the data that is read often enough to cache
 * @param partitionMessagesPerSecond messages one consumer of one partition handles per second
 * @param eventsPerWrite events published per write request of a publishing service
 * @param minPartitions the fewest partitions per topic (for consumer parallelism)
 */
public record CapacityAssumptions(
    double requestsPerUserPerSecond,
    int defaultConcurrentUsers,
    double defaultDataGb,
    double defaultGrowthGbPerMonth,
    Map<String, Integer> podRps,
    double targetUtilization,
    double burstFactor,
    int podCpuMillis,
    int podMemoryMib,
    int poolSizePerPod,
    int dbMaxConnections,
    double storageOverhead,
    double hotDataShare,
    int partitionMessagesPerSecond,
    double eventsPerWrite,
    int minPartitions) {
  public CapacityAssumptions {
    podRps = Map.copyOf(podRps);
  }
}
