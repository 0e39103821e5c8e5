package dev.archforge.deliverable.k8s;

import dev.archforge.facts.deploy.Registries;
import java.util.List;

/**
 * One environment's overlay: its namespace and a strategic-merge patch per deployable setting the
 * replicas (HPA bounds), resources, disruption budget and host of that environment.
 *
 * @param notes comment lines for the top of the kustomization
 * @param secretStore what the overlay replaces in the secret store (its root's Key Vault on Azure, its
 *     root's role on AWS)
 * @param images the images this environment pulls from its own root's registry instead of the base's
 */
public record OverlayView(String environment, String namespace, List<String> notes, List<Patch> workloads,
    GatewayView gateway, List<StorePatch> secretStore, List<Image> images) {
  public OverlayView {
    notes = List.copyOf(notes);
    workloads = List.copyOf(workloads);
    images = List.copyOf(images);
    secretStore = List.copyOf(secretStore);
  }

  /**
   * A kustomize image override: the base's repository {@code name} is pulled from {@code newName}.
   */
  public record Image(String name, String newName) {
    /** The overrides of the base's images that are not in {@code registry}. */
    static List<Image> of(List<WorkloadView> workloads, Registries.Registry registry) {
      return workloads.stream().filter(w -> !w.image().equals(registry.image(w.name())))
          .map(w -> new Image(w.image().substring(0, w.image().lastIndexOf(':')), registry.repository(w.name())))
          .toList();
    }
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
