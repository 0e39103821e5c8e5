package dev.archforge.decide.capacity;

import dev.archforge.model.Capacity;
import dev.archforge.model.Driver;
import dev.archforge.model.ServiceSizing;
import java.util.List;

/**
 * The production size of one deployable's managed database, decided once: CAPACITY.md prices it
 * and infra/ creates it. Its vCPU is the smallest size that carries both the connections the
 * deployable may open at its HPA maximum and the requests that reach the database at peak; its read
 * replicas carry the uncached reads when scaling chose them.
 *
 * @param deployable the deployable that owns the database
 * @param vcpu the primary's vCPU (and the standby's)
 * @param replicas the read replicas, each of {@code vcpu}
 * @param connections the deployable's connections at the HPA maximum
 * @param requests writes and uncached reads per second the primary serves at peak
 * @param reads uncached reads per second at peak, which the replicas serve when there are any
 */
public record DatabaseSize(String deployable, int vcpu, int replicas, int connections, double requests, double reads) {
  /** The sizes the managed databases offer, in vCPU, from the smallest production class. */
  public static final List<Integer> VCPU = List.of(2, 4, 8, 16, 32, 64);
  /** Connections one database vCPU is given (managed PostgreSQL and MySQL allow about this many per vCPU). */
  public static final int CONNECTIONS_PER_VCPU = 100;
  /** Writes or uncached reads one database vCPU serves per second at peak (short OLTP queries). */
  public static final int REQUESTS_PER_VCPU = 500;
  /** Share of reads the cache answers when a cache is chosen; the rest reach the database. */
  public static final double CACHE_HIT_SHARE = 0.8;
  /** The most read replicas a database is given. */
  public static final int MAX_REPLICAS = 5;

  /**
   * The databases of every deployable that owns data (one each), in the capacity's order.
   *
   * @param cached whether a cache answers most reads
   * @param withReplicas whether scaling chose read replicas
   */
  public static List<DatabaseSize> all(Capacity c, double readRatio, boolean cached, boolean withReplicas) {
    return c.services().stream().filter(s -> s.poolSize() > 0)
        .map(s -> of(s, readRatio, cached, withReplicas)).toList();
  }

  /** The database of one deployable that owns data. */
  public static DatabaseSize of(ServiceSizing s, double readRatio, boolean cached, boolean withReplicas) {
    double reads = s.rps() * readRatio * (cached ? 1 - CACHE_HIT_SHARE : 1);
    double requests = s.rps() * (1 - readRatio) + (withReplicas ? 0 : reads);
    int vcpu = VCPU.stream().filter(v -> v * CONNECTIONS_PER_VCPU >= s.dbConnections()
        && v * REQUESTS_PER_VCPU >= requests - 1e-9).findFirst().orElse(VCPU.get(VCPU.size() - 1));
    int replicas = withReplicas
        ? Math.min(MAX_REPLICAS, Math.max(1, PodSizing.ceil(reads / (vcpu * REQUESTS_PER_VCPU)))) : 0;
    return new DatabaseSize(s.service(), vcpu, replicas, s.dbConnections(), requests, reads);
  }

  /** How the vCPU was chosen, with the numbers. */
  public String vcpuFormula() {
    return vcpu + " vCPU = smallest of " + VCPU + " with vCPU × " + CONNECTIONS_PER_VCPU + " ≥ " + connections
        + " connections (" + deployable + ".dbConnections) and vCPU × " + REQUESTS_PER_VCPU + " ≥ "
        + Driver.number(requests) + " requests/s (writes" + (replicas > 0 ? "" : " + uncached reads") + ")";
  }

  /** How the read replicas were counted, with the numbers. */
  public String replicaFormula() {
    if (replicas == 0) {
      return "0 (scaling did not choose read replicas)";
    }
    return replicas + " = min(" + MAX_REPLICAS + ", max(1, ceil(" + Driver.number(reads) + " uncached reads/s / ("
        + vcpu + " vCPU × " + REQUESTS_PER_VCPU + "))))";
  }
}
