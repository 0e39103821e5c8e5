package dev.archforge.decide.capacity;

import dev.archforge.model.Capacity;
import dev.archforge.model.Requirements;

/**
 * What the warm standby region runs until it is promoted, as infra/'s standby root creates it: on
 * Kubernetes production's node pool at its minimum ({@link NodePool#min()}: at least one node per
 * zone, whatever the pods need); elsewhere each deployable at its replica floor, production's
 * autoscaling minimum.
 *
 * @param nodes the standby's nodes on Kubernetes, else 0
 * @param pods the standby's pods off Kubernetes, else 0
 */
record StandbyCompute(int nodes, int pods) {
  static StandbyCompute of(Requirements r, Capacity c, String deployment) {
    if (deployment.equals("kubernetes")) {
      return new StandbyCompute(NodePool.of(c.services()).min(), 0);
    }
    return new StandbyCompute(0, c.services().size() * PodSizing.availabilityFloor(r.scale().availability()));
  }

  /** What it runs, for CAPACITY.md. */
  String what() {
    if (nodes > 0) {
      return nodes + " node(s), the standby node pool's minimum (at least " + NodePool.ZONES + ", one per zone)";
    }
    return pods + " pod(s) at the availability floor";
  }
}
