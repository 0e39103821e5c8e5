package dev.archforge.deliverable.k8s;

import dev.archforge.facts.CellView;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.facts.deploy.Registries;
import dev.archforge.facts.deploy.SecondRegion;
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
    List<Artifact> artifacts = new ArrayList<>();
    if (!plan.cells().residency()) {
      SecondRegion.deployed(plan).ifPresent(s -> artifacts.add(secondRegion(plan, s, workloads, store, renderer)));
      return artifacts;
    }
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

  /**
   * backup-dr's second region ({@code overlays/<its root>/}, when the deploy workflow deploys there):
   * production's overlay with the images of its root's registry and the secret store of its root (an
   * AWS region and role, an Azure Key Vault), applied to its root's cluster.
   */
  private static Artifact secondRegion(Plan plan, SecondRegion second, List<WorkloadView> workloads,
      SecretStoreView store, TemplateRenderer renderer) {
    String project = plan.requirements().project().name();
    List<String> notes = List.of(project + " prod in backup-dr's second region (" + second.mode() + "): "
        + second.region() + ", the root infra/envs/" + second.root() + "; production's overlay with that root's"
        + " registry and secret store.", "The deploy workflow's job " + second.root() + " applies it to that root's"
        + " cluster after production's.");
    CellOverlayView view = new CellOverlayView(null, notes, List.of(), SecretStores.patch(store, project,
        second.root(), second.region()), OverlayView.Image.of(workloads, second.registry(plan)));
    return new Artifact(KubernetesDeliverable.OVERLAYS + second.folder() + "kustomization.yaml",
        renderer.render("k8s/overlays/cell-kustomization.yaml.ftl", view), Artifact.Kind.YAML);
  }
}
