package dev.archforge.deliverable.k8s;

import dev.archforge.facts.CellView;
import java.util.List;

/**
 * The production overlay of one cell ({@code deploy/k8s/overlays/prod-<jurisdiction>/}): the prod
 * overlay, placed in the cell's regions. Every deployable's ConfigMap gains the cell and its regions,
 * and the secret store reads the cell's own secret manager (an AWS cell's primary region, its Azure Key Vault).
 * The same shape, without a cell (null) and its ConfigMaps, places production in backup-dr's second region.
 *
 * @param workloads the deployables whose ConfigMaps are patched
 * @param secretStore what the cell replaces in the secret store (its SecretStore and ServiceAccount)
 * @param images the images the cell pulls from its own root's registry instead of the base's
 */
public record CellOverlayView(CellView cell, List<String> notes, List<String> workloads, List<StorePatch> secretStore,
    List<OverlayView.Image> images) {
  public CellOverlayView {
    notes = List.copyOf(notes);
    workloads = List.copyOf(workloads);
    images = List.copyOf(images);
    secretStore = List.copyOf(secretStore);
  }

  /** The region of the cell where its services and primary stores run. */
  public String primary() {
    return cell.regions().get(0);
  }

  /** Every region of the cell, comma-separated: where its data, replicas and backups may be. */
  public String regions() {
    return String.join(",", cell.regions());
  }
}
