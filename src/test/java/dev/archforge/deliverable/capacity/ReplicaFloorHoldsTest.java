package dev.archforge.deliverable.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** No runtime runs fewer replicas than the availability target promises, whichever runtime it is. */
class ReplicaFloorHoldsTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  static Stream<Path> samples() {
    return SamplePlans.samples().stream();
  }

  private static List<Artifact> render(String sample) {
    return Pipeline.standard().render(Facts.of(SamplePlans.plan(Path.of("samples/" + sample))), RENDERER);
  }

  private static List<Finding> broken(List<Artifact> all, String path, String from, String to) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), a.content().replace(from, to), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return new ReplicaFloorHolds().validate(changed);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleKeepsItsFloor(Path sample) {
    assertThat(new ReplicaFloorHolds().validate(Pipeline.standard().render(Facts.of(SamplePlans.plan(sample)),
        RENDERER))).isEmpty();
  }

  @Test
  void anAutoscalerOrBudgetBelowTheFloorOfTheScalingRecordIsCaught() {
    // fintech-ledger: 99.99 %, the scaling record promises 3
    List<Artifact> all = render("fintech-ledger.yaml");
    assertThat(broken(all, "deploy/k8s/base/ledger/hpa.yaml", "minReplicas: 3", "minReplicas: 1"))
        .singleElement().satisfies(f -> assertThat(f.toString()).contains("deploy/k8s/base/ledger/hpa.yaml:",
            "minReplicas is 1, below 3", "decisions/0010-scaling.md:", ReplicaFloorHolds.NAME));
    assertThat(broken(all, "deploy/k8s/base/ledger/pdb.yaml", "minAvailable: 2", "minAvailable: 1"))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("PodDisruptionBudget", "below 2"));
    // the dev overlay runs smaller on purpose
    assertThat(new ReplicaFloorHolds().validate(all.stream().filter(a -> a.path().startsWith(
        "deploy/k8s/overlays/dev/")).toList())).isEmpty();
  }

  @Test
  void managedContainersBelowTheFloorOfCapacityAreCaught() {
    // ecommerce on ECS, saas-projects on Cloud Run: 99.9 %, a floor of 2
    assertThat(broken(render("ecommerce.yaml"), "deploy/ecs/shop.service.json", "\"desiredCount\": 2",
        "\"desiredCount\": 1")).singleElement().satisfies(f -> assertThat(f.toString())
            .contains("deploy/ecs/shop.service.json", "desiredCount is 1, below 2"));
    assertThat(broken(render("ecommerce.yaml"), "infra/envs/prod/main.tf", "\"shop\" = { min = 2,",
        "\"shop\" = { min = 1,")).singleElement().satisfies(f -> assertThat(f.toString())
            .contains("infra/envs/prod/main.tf:", "autoscaling minimum of service shop is 1, below 2"));
    // clinic-residency: each cell's production root holds the floor; staging runs fewer on purpose
    List<Artifact> clinic = render("clinic-residency.yaml");
    assertThat(broken(clinic, "infra/envs/prod-us/main.tf", "{ min = 2,", "{ min = 1,")).isNotEmpty()
        .allSatisfy(f -> assertThat(f.path()).isEqualTo("infra/envs/prod-us/main.tf"));
    assertThat(clinic.stream().filter(a -> a.path().equals("infra/envs/dev/main.tf")).findFirst().orElseThrow()
        .content()).contains("{ min = 1,");
    assertThat(new ReplicaFloorHolds().validate(clinic)).isEmpty();
    assertThat(broken(render("saas-projects.yaml"), "deploy/cloudrun/taskhub-bff.service.yaml",
        "minScale: \"2\"", "minScale: \"1\"")).singleElement().satisfies(f -> assertThat(f.message())
            .contains("Cloud Run minScale is 1, below 2", "promises at least 2"));
  }

  @Test
  void anInstanceGroupBelowTheFloorIsCaughtInProductionOnly() {
    // ecommerce on virtual machines of AWS: 99.9 %, a floor of 2; dev and staging run one machine on purpose
    List<Artifact> all = Pipeline.standard().render(Facts.of(SamplePlans.deployedOn(Path.of("samples/ecommerce.yaml"),
        "aws", "vm")), RENDERER);
    assertThat(new ReplicaFloorHolds().validate(all)).isEmpty();
    assertThat(all).extracting(Artifact::path).contains("infra/envs/dev/main.tf");
    assertThat(broken(all, "infra/envs/prod/main.tf", "min = 2,", "min = 1,")).singleElement()
        .satisfies(f -> assertThat(f.toString()).contains("infra/envs/prod/main.tf", "the instance group of shop min is 1,"
            + " below 2", ReplicaFloorHolds.NAME));
  }

  /** The managed instance groups (gcp) and scale sets (azure) of each production root, a cell's too. */
  @Test
  void anInstanceGroupOrScaleSetBelowTheFloorIsCaughtOnGcpAndAzure() {
    for (String cloud : List.of("gcp", "azure")) {
      List<Artifact> all = Pipeline.standard().render(Facts.of(SamplePlans.deployedOn(Path.of("samples/ecommerce.yaml"),
          cloud, "vm")), RENDERER);
      assertThat(new ReplicaFloorHolds().validate(all)).as(cloud).isEmpty();
      assertThat(broken(all, "infra/envs/prod/main.tf", "min = 2,", "min = 1,")).as(cloud).singleElement()
          .satisfies(f -> assertThat(f.toString()).contains("infra/envs/prod/main.tf", "the instance group of shop min "
              + "is 1, below 2", ReplicaFloorHolds.NAME));
      List<Artifact> cells = Pipeline.standard().render(Facts.of(SamplePlans.deployedOn(
          Path.of("samples/clinic-residency.yaml"), cloud, "vm")), RENDERER);
      assertThat(new ReplicaFloorHolds().validate(cells)).as(cloud).isEmpty();
      String eu = cells.stream().filter(a -> a.path().equals("infra/envs/prod-eu/main.tf")).findFirst().orElseThrow()
          .content();
      assertThat(eu).contains("source").contains("runtime-vm");
      java.util.regex.Matcher min = java.util.regex.Pattern.compile("\"([a-z-]+)\" = \\{ type = \"[^\"]+\", min = (\\d+),")
          .matcher(eu);
      assertThat(min.find()).as(cloud).isTrue();
      assertThat(broken(cells, "infra/envs/prod-eu/main.tf", min.group(), min.group().replace("min = " + min.group(2),
          "min = 1"))).as(cloud).singleElement().satisfies(f -> assertThat(f.toString())
              .contains("infra/envs/prod-eu/main.tf", "the instance group of " + min.group(1) + " min is 1, below"));
    }
  }
}
