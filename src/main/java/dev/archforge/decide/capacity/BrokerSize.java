package dev.archforge.decide.capacity;

import dev.archforge.model.Capacity;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Requirements;
import java.util.List;

/**
 * The production size of one region's Kafka broker, decided once from the event rates at peak:
 * infra/ creates it and CAPACITY.md prices it, on each cloud in that cloud's own unit. Amazon MSK
 * runs {@link #BROKERS} brokers with {@code storageGb} each; Google Cloud Managed Service for Apache
 * Kafka takes a cluster's vCPU and memory ({@code kafkaVcpu}, {@code kafkaMemoryGib}; its brokers are
 * its own business); Event Hubs Premium takes processing units ({@code processingUnits}).
 *
 * @param inMbps events published per second at peak, in MB/s (Σ eventRps × {@link #EVENT_KB})
 * @param outMbps events delivered per second at peak, in MB/s (each event once per consuming service)
 * @param storageGb storage per MSK broker
 * @param kafkaVcpu vCPU of the Managed Kafka cluster (gcp)
 * @param kafkaMemoryGib memory of the Managed Kafka cluster, in GiB (gcp)
 * @param processingUnits Event Hubs Premium processing units (azure)
 */
public record BrokerSize(double inMbps, double outMbps, int storageGb, int kafkaVcpu, int kafkaMemoryGib,
    int processingUnits) {
  /** Brokers of an MSK cluster and nodes of a RabbitMQ cluster: one per zone, a quorum over three zones. */
  public static final int BROKERS = 3;
  /** Average event size, in KB (1 MB = 1,000 KB here). */
  public static final double EVENT_KB = 1;
  /** The topics' retention and replicas, as api/asyncapi.yaml declares them. */
  public static final int RETENTION_DAYS = 7;
  public static final int TOPIC_REPLICAS = 3;
  /** The smallest storage an MSK broker is given, in GB, and the headroom over the retained events. */
  public static final int MIN_STORAGE_GB = 100;
  public static final double STORAGE_HEADROOM = 1.5;
  /** Managed Kafka's smallest cluster: 3 vCPU (one broker in each of three zones). */
  public static final int KAFKA_MIN_VCPU = 3;
  /** Memory per vCPU of a Managed Kafka cluster (Google's sizing guide; 1 to 8 GiB are allowed). */
  public static final int KAFKA_GIB_PER_VCPU = 4;
  /** Write-equivalent MB/s one Managed Kafka vCPU carries at full use (Google: about 20 MB/s published a vCPU). */
  public static final double KAFKA_MBPS_PER_VCPU = 20;
  /** Average vCPU use a Managed Kafka cluster is sized for, so that it takes twice the peak's spikes. */
  public static final double KAFKA_TARGET_UTILIZATION = 0.5;
  /** Managed Kafka bills Data Compute Units: 0.6 DCU per vCPU and 0.1 DCU per GiB of memory. */
  public static final double DCU_PER_VCPU = 0.6;
  public static final double DCU_PER_GIB = 0.1;
  /** The processing units an Event Hubs Premium namespace takes. */
  public static final List<Integer> PROCESSING_UNITS = List.of(1, 2, 4, 8, 16);
  /** MB/s one Event Hubs Premium processing unit takes in and sends out (the low end of Microsoft's 5–10 and 10–20). */
  public static final double PU_IN_MBPS = 5;
  public static final double PU_OUT_MBPS = 10;

  /** The broker of these requirements at peak: events published per second, each delivered once per consumer. */
  public static BrokerSize of(Requirements r, Capacity c) {
    double in = 0;
    double out = 0;
    for (Figure f : c.figures()) {
      if (f.key().startsWith("eventRps.")) {
        String event = f.key().substring("eventRps.".length());
        long consumers = r.services().stream().filter(s -> s.consumes().contains(event)).count();
        in += f.value() * EVENT_KB / 1000;
        out += f.value() * consumers * EVENT_KB / 1000;
      }
    }
    return of(in, out);
  }

  static BrokerSize of(double in, double out) {
    int storage = Math.max(MIN_STORAGE_GB, PodSizing.ceil(in * RETENTION_DAYS * 86_400 / 1000 * TOPIC_REPLICAS
        / BROKERS * STORAGE_HEADROOM));
    int vcpu = Math.max(KAFKA_MIN_VCPU, PodSizing.ceil(writeEquivalent(in, out)
        / (KAFKA_MBPS_PER_VCPU * KAFKA_TARGET_UTILIZATION)));
    double needed = Math.max(in / PU_IN_MBPS, out / PU_OUT_MBPS);
    int units = PROCESSING_UNITS.stream().filter(u -> u >= needed - 1e-9).findFirst()
        .orElse(PROCESSING_UNITS.get(PROCESSING_UNITS.size() - 1));
    return new BrokerSize(in, out, storage, vcpu, vcpu * KAFKA_GIB_PER_VCPU, units);
  }

  /**
   * Google's write-equivalent rate: what the producers write with its replicas, plus a quarter of what
   * is read (the consumers and the followers' replication; reads cost a quarter of writes).
   */
  static double writeEquivalent(double in, double out) {
    return in * TOPIC_REPLICAS + (out + in * (TOPIC_REPLICAS - 1)) / 4;
  }

  /** Managed Kafka's Data Compute Units of this cluster. */
  public double dcu() {
    return kafkaVcpu * DCU_PER_VCPU + kafkaMemoryGib * DCU_PER_GIB;
  }

  /** Managed Kafka's memory in bytes, as {@code memory_bytes} takes it. */
  public long kafkaMemoryBytes() {
    return kafkaMemoryGib * 1024L * 1024 * 1024;
  }

  /** How the MSK brokers' storage was sized, with the numbers. */
  public String storageFormula() {
    return "storage per broker " + storageGb + " GB = max(" + MIN_STORAGE_GB + ", " + mbps(inMbps) + " MB/s in × "
        + RETENTION_DAYS + " days × " + TOPIC_REPLICAS + " replicas / " + BROKERS + " brokers × "
        + Driver.number(STORAGE_HEADROOM) + ")";
  }

  /** How the Managed Kafka cluster's vCPU and memory were sized, with the numbers. */
  public String kafkaFormula() {
    return kafkaVcpu + " vCPU = max(" + KAFKA_MIN_VCPU + ", ceil(write-equivalent " + mbps(writeEquivalent(inMbps,
        outMbps)) + " MB/s (" + mbps(inMbps) + " in × " + TOPIC_REPLICAS + " replicas + (" + mbps(outMbps)
        + " out + " + mbps(inMbps) + " × " + (TOPIC_REPLICAS - 1) + ") / 4) / (" + Driver.number(KAFKA_MBPS_PER_VCPU)
        + " MB/s per vCPU × " + Driver.number(KAFKA_TARGET_UTILIZATION) + " target use))), " + kafkaMemoryGib
        + " GiB = " + KAFKA_GIB_PER_VCPU + " GiB per vCPU";
  }

  /** How the Event Hubs processing units were counted, with the numbers. */
  public String unitsFormula() {
    return processingUnits + " processing unit(s) = the first of " + PROCESSING_UNITS + " ≥ max(" + mbps(inMbps)
        + " MB/s in / " + Driver.number(PU_IN_MBPS) + ", " + mbps(outMbps) + " MB/s out / "
        + Driver.number(PU_OUT_MBPS) + ")";
  }

  private static String mbps(double value) {
    return Driver.number(Math.round(value * 1000) / 1000.0);
  }
}
