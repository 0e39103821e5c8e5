package dev.archforge.deliverable.k8s;

import java.util.List;

/**
 * The base kustomization and the deploy/k8s README: every resource file of the base, and what a
 * person must fill in or create before the first apply.
 *
 * @param resources paths relative to deploy/k8s/base, in order
 * @param secretStore the SecretStore, or null when secrets are Kubernetes Secrets created by hand
 * @param hosts the public host of each environment, in the order dev, staging, prod (empty: none public)
 * @param gateway the project's Gateway, or null when no deployable is public
 */
public record KustomizationView(String project, List<String> resources, List<WorkloadView> workloads,
    SecretStoreView secretStore, List<String> hosts, GatewayView gateway) {
  public KustomizationView {
    resources = List.copyOf(resources);
    workloads = List.copyOf(workloads);
    hosts = List.copyOf(hosts);
  }
}
