package dev.archforge.deliverable.k8s;

import java.util.List;

/**
 * A SecretStore of the External Secrets Operator and the ServiceAccount the operator
 * authenticates as.
 *
 * @param provider {@code aws}, {@code gcp}, {@code azure} or {@code vault}
 * @param annotations the ServiceAccount's workload-identity annotations (placeholders)
 * @param location the region, project id, vault URL or server, by provider
 * @param note what to fill in, for the README and a comment
 */
public record SecretStoreView(String name, String serviceAccount, String provider,
    List<WorkloadView.Entry> annotations, String location, String note) {
  public SecretStoreView {
    annotations = List.copyOf(annotations);
  }
}
