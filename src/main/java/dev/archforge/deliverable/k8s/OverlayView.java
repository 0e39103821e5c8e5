package dev.archforge.deliverable.k8s;

import java.util.List;

/**
 * One environment's overlay: its namespace and a strategic-merge patch per deployable setting the
 * replicas (HPA bounds), resources, disruption budget and host of that environment.
 *
 * @param notes comment lines for the top of the kustomization
 * @param secretStore what the overlay replaces in the SecretStore (its root's Key Vault on Azure), or null
 */
public record OverlayView(String environment, String namespace, List<String> notes, List<Patch> workloads,
    GatewayView gateway, StorePatch secretStore) {
  public OverlayView {
    notes = List.copyOf(notes);
    workloads = List.copyOf(workloads);
  }

  /**
   * The patch of one deployable in one environment.
   *
   * @param summary how this environment differs from production, in words
   * @param spread whether pods are spread over zones and nodes (production)
   * @param zoneRule {@code DoNotSchedule} when the availability target needs every zone used
   * @param route the gateway's routes with this environment's host, or null for a deployable without one
   */
  public record Patch(String name, String environment, String summary, WorkloadView.Size size, boolean spread,
      String zoneRule, WorkloadView.RouteView route) {}
}
