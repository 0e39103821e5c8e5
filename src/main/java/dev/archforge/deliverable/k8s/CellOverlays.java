package dev.archforge.deliverable.k8s;

import dev.archforge.facts.CellView;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.facts.deploy.Registries;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * Under {@code dataResidency}, one production overlay per cell on top of {@code overlays/prod}: each
 * cell's cluster applies its own, so every region a manifest names comes from the plan's cells.
 */
final class CellOverlays {
  private CellOverlays() {}

  static List<Artifact> render(Plan plan, List<WorkloadView> workloads, SecretStoreView store,
      TemplateRenderer renderer) {
    if (!plan.cells().residency()) {
      return List.of();
    }
    List<Artifact> artifacts = new ArrayList<>();
    for (CellView cell : CellView.of(plan)) {
      List<StorePatch> secretStore = SecretStores.patch(store, plan.requirements().project().name(),
          CloudNames.productionRoot(cell.jurisdiction()), cell.regions().get(0));
      String dir = KubernetesDeliverable.OVERLAYS + "prod-" + cell.jurisdiction() + "/";
      List<String> notes = List.of(plan.requirements().project().name() + " prod in the " + cell.jurisdiction()
          + " cell (" + cell.title() + "): serves from " + cell.serving() + ", backups and standby in "
          + cell.recovery() + "; its data stays in these regions.",
          "Apply it to the cell's own cluster: kubectl apply -k deploy/k8s/overlays/prod-" + cell.jurisdiction());
      List<OverlayView.Image> images = OverlayView.Image.of(workloads,
          Registries.of(plan, plan.cells().cell(cell.jurisdiction()).orElseThrow()));
      CellOverlayView view = new CellOverlayView(cell, notes, workloads.stream().map(WorkloadView::name).toList(),
          secretStore, images);
      artifacts.add(new Artifact(dir + "kustomization.yaml", renderer.render("k8s/overlays/cell-kustomization.yaml.ftl",
          view), Artifact.Kind.YAML));
      artifacts.add(new Artifact(dir + "cell.yaml", renderer.render("k8s/overlays/cell.yaml.ftl", view),
          Artifact.Kind.YAML));
    }
    return artifacts;
  }
}
