package dev.archforge.decide.capacity;

import dev.archforge.model.ServiceSizing;
import java.util.List;

/**
 * The production Kubernetes node pool of one region, decided once: infra/ creates it (autoscaling
 * from {@code min} to {@code max}) and CAPACITY.md prices the nodes it runs at peak, not the pods.
 *
 * @param min nodes at the HPA minima, at least one per zone
 * @param peak nodes at peak: the pods the peak needs, within {@code min} and {@code max}
 * @param max nodes at the HPA maxima
 */
public record NodePool(int min, int peak, int max) {
  /** vCPU of one node (m7g.xlarge, e2-standard-4, Standard_D4s_v5). */
  public static final int NODE_VCPU = 4;
  /** GiB of memory of one node. */
  public static final int NODE_GIB = 16;
  /** Share of a node's vCPU that pods may request (the rest is the system's). */
  public static final double ALLOCATABLE_SHARE = 0.875;
  /** Zones a production pool spreads over: one node each at least. */
  public static final int ZONES = 3;

  /** Allocatable millicores of one node. */
  public static int allocatableMillis() {
    return (int) (NODE_VCPU * 1000 * ALLOCATABLE_SHARE);
  }

  public static NodePool of(List<ServiceSizing> deployables) {
    int min = Math.max(ZONES, nodes(deployables.stream().mapToDouble(s -> s.hpaMin() * s.cpuMillis()).sum()));
    int max = Math.max(min, nodes(deployables.stream().mapToDouble(s -> s.hpaMax() * s.cpuMillis()).sum()));
    int atPeak = nodes(deployables.stream().mapToDouble(s -> Math.max(s.hpaMin(), s.podsNeeded()) * s.cpuMillis())
        .sum());
    return new NodePool(min, Math.min(max, Math.max(min, atPeak)), max);
  }

  private static int nodes(double millis) {
    return PodSizing.ceil(millis / allocatableMillis());
  }

  /** How min and max were counted. */
  public String formula() {
    return "nodes " + min + "–" + max + " = ceil(Σ hpaMin|hpaMax × cpuMillis / " + allocatableMillis()
        + " allocatable millicores per " + NODE_VCPU + "-vCPU node), at least " + ZONES + " (one per zone)";
  }
}
