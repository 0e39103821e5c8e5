package dev.archforge.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.facts.Facts;
import dev.archforge.facts.SharedKinds;
import dev.archforge.load.RepositoryFiles;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Overlays built in process as kubectl kustomize builds them: resources, patches, images, namespace. */
class KustomizeBuildTest {
  private static List<Artifact> files(Path dir) {
    Classifier classifier = new Classifier(path -> Optional.empty());
    return RepositoryFiles.read(dir).files().stream().flatMap(f -> classifier.kindOf(f.path(), f.text())
        .map(k -> new Artifact(f.path(), f.text(), k)).stream()).toList();
  }

  private static ObjectNode only(KustomizeBuild.Built built, String kind) {
    return built.objects().stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void aStrategicMergePatchMergesMapsAndNamedListsAndTheNamespaceIsSet() {
    List<Artifact> files = files(Path.of("src/test/resources/review/clean"));
    KustomizeBuild build = new KustomizeBuild(files);
    KustomizeBuild.Built prod = build.build(build.kustomization("k8s/overlays/prod").orElseThrow());
    assertThat(prod.problems()).isEmpty();
    ObjectNode deployment = only(prod, "Deployment");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("orders-prod");
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("registry.example.com/orders:1.4.2");
  }

  @Test
  void inlineJson6902PatchesAndImagesApply() {
    Artifact base = new Artifact("base/deployment.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: registry.example.com/api:1.0.0
        """, SharedKinds.KUBERNETES);
    Artifact overlay = new Artifact("prod/kustomization.yaml", """
        resources:
          - ../base/deployment.yaml
        images:
          - name: registry.example.com/api
            newTag: 2.0.0
        patches:
          - target:
              kind: Deployment
              name: api
            patch: |-
              - op: add
                path: /spec/replicas
                value: 4
        """, Classifier.KUSTOMIZATION);
    KustomizeBuild.Built built = new KustomizeBuild(List.of(base, overlay)).build(overlay);
    assertThat(built.problems()).isEmpty();
    ObjectNode deployment = only(built, "Deployment");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry.example.com/api:2.0.0");
  }

  @Test
  void aGeneratedCellOverlayBuildsWithItsRegion() {
    // the clinic on Kubernetes: a prod overlay per residency cell
    List<Artifact> files = Pipeline.standard().render(Facts.of(SamplePlans.onKubernetes(
        Path.of("samples/clinic-residency.yaml"))), new TemplateRenderer(List.of()));
    KustomizeBuild build = new KustomizeBuild(files);
    KustomizeBuild.Built eu = build.build(build.kustomization("deploy/k8s/overlays/prod-eu").orElseThrow());
    assertThat(eu.problems()).isEmpty();
    assertThat(only(eu, "SecretStore").at("/spec/provider/aws/region").asText()).isEqualTo("eu-west-1");
    assertThat(eu.objects()).allSatisfy(o -> assertThat(o.at("/metadata/namespace").asText()).isNotEmpty());
  }
}
