package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.n;
import static dev.archforge.decide.capacity.CostItems.DATABASE;
import static dev.archforge.decide.capacity.CostItems.READ_REPLICAS;
import static dev.archforge.decide.capacity.DatabaseSize.CACHE_HIT_SHARE;
import static dev.archforge.decide.capacity.DatabaseSize.REQUESTS_PER_VCPU;
import static dev.archforge.decide.capacity.DatabaseSize.VCPU;

import java.util.List;

/**
 * The database's primary and read-replica lines. PostgreSQL and MySQL are priced as infra/ creates
 * them: one managed database per deployable that owns data, each of its {@link DatabaseSize}. Other
 * engines, which infra/ does not create, are priced from the request rate, one database per region.
 */
final class DatabaseCosts {
  /** The vCPU priced (all databases of a region together) and the most read replicas one database has. */
  record Priced(int vcpu, int replicas) {}

  private final CostLines lines;
  private final String database;
  private final boolean standby;
  private final boolean replicas;

  DatabaseCosts(CostLines lines, String database, boolean standby, boolean replicas) {
    this.lines = lines;
    this.database = database;
    this.standby = standby;
    this.replicas = replicas;
  }

  /** The engines infra/ creates as managed instances of a size. */
  static boolean relational(String database) {
    return database.equals("postgresql") || database.equals("mysql");
  }

  Priced add() {
    return relational(database) ? perDeployable() : byRequestRate();
  }

  private Priced perDeployable() {
    int regions = lines.regions;
    double dbVcpuMonth = lines.price("dbVcpuMonth");
    List<DatabaseSize> databases = DatabaseSize.all(lines.c, lines.r.scale().readRatio(), lines.isChosen("caching"),
        replicas);
    int vcpu = databases.stream().mapToInt(DatabaseSize::vcpu).sum();
    String each = String.join("; ", databases.stream().map(d -> d.deployable() + ": " + d.vcpuFormula()).toList());
    lines.add(DATABASE + " (" + database + ")", databases.size() + " database(s), one per deployable that owns data, "
            + vcpu + " vCPU in all (" + each + ")" + (standby ? ", primary + standby in another zone" : "") + ", "
            + regions + " region(s)",
        vcpu * dbVcpuMonth * (standby ? 2 : 1) * regions,
        "Σ dbVcpu × dbVcpuMonth" + (standby ? " × 2 (standby)" : "") + " × regions", "dbVcpuMonth");
    if (replicas) {
      int replicaVcpu = databases.stream().mapToInt(d -> d.replicas() * d.vcpu()).sum();
      String counts = String.join("; ", databases.stream().map(d -> d.deployable() + ": " + d.replicaFormula()
          + " of " + d.vcpu() + " vCPU").toList());
      lines.add(READ_REPLICAS, databases.stream().mapToInt(DatabaseSize::replicas).sum() + " replica(s), "
              + replicaVcpu + " vCPU in all (" + counts + "), " + regions + " region(s)",
          replicaVcpu * dbVcpuMonth * regions, "Σ replicas × dbVcpu × dbVcpuMonth × regions", "dbVcpuMonth");
    }
    return new Priced(vcpu, databases.stream().mapToInt(DatabaseSize::replicas).max().orElse(0));
  }

  private Priced byRequestRate() {
    int regions = lines.regions;
    double dbVcpuMonth = lines.price("dbVcpuMonth");
    double uncached = lines.isChosen("caching") ? 1 - CACHE_HIT_SHARE : 1;
    double share = lines.value("regionalRps") / lines.value("peakRps");
    double writes = lines.value("writeRps") * share;
    double reads = lines.value("readRps") * uncached * share;
    int vcpu = Math.max(VCPU.get(0), PodSizing.ceil((writes + (replicas ? 0 : reads)) / REQUESTS_PER_VCPU));
    String load = replicas ? "writeRps" : "(writeRps + readRps × " + n(uncached) + " uncached)";
    lines.add(DATABASE + " (" + database + ")", vcpu + " vCPU = max(" + VCPU.get(0) + ", ceil(" + load
            + " × regionalRps / peakRps / " + n(REQUESTS_PER_VCPU) + " per vCPU))"
            + (standby ? ", primary + standby in another zone" : "") + ", " + regions + " region(s)",
        vcpu * dbVcpuMonth * (standby ? 2 : 1) * regions,
        "dbVcpu × dbVcpuMonth" + (standby ? " × 2 (standby)" : "") + " × regions", "dbVcpuMonth");
    int replicaCount = 0;
    if (replicas) {
      replicaCount = Math.max(1, PodSizing.ceil(reads / (vcpu * REQUESTS_PER_VCPU)));
      lines.add(READ_REPLICAS, replicaCount + " replica(s) of " + vcpu + " vCPU = max(1, ceil(readRps × "
              + n(uncached) + " uncached × regionalRps / peakRps / (" + vcpu + " vCPU × "
              + n(REQUESTS_PER_VCPU) + "))), " + regions + " region(s)",
          replicaCount * vcpu * dbVcpuMonth * regions, "replicas × dbVcpu × dbVcpuMonth × regions", "dbVcpuMonth");
    }
    return new Priced(vcpu, replicaCount);
  }
}
