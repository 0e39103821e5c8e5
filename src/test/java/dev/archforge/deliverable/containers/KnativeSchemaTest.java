package dev.archforge.deliverable.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.GatewayApiCheck;
import dev.archforge.testing.KnativeCheck;
import dev.archforge.testing.SamplePlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second check of the Cloud Run descriptors: Knative Serving's own schema
 * (@kubernetes-models/knative, npm) accepts every Knative Service that every sample gets on gcp and
 * on cloud any, as managed containers and as functions (residency's per-cell copies included), and
 * rejects a broken one. ECS task definitions and Container Apps YAML have no schema on npm; their
 * only checks are the Java ones (the AWS SDK's ECS model, a shape check of ours).
 */
class KnativeSchemaTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  @Test
  void knativeServingsSchemaAcceptsEveryCloudRunServiceOfEverySample(@TempDir Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path sample : SamplePlans.samples()) {
      for (String cloud : List.of("gcp", "any")) {
        for (String deployment : List.of("managed-containers", "serverless")) {
          Plan plan = SamplePlans.deployedOn(sample, cloud, deployment);
          List<Artifact> artifacts = deployment.equals("serverless")
              ? new ServerlessDeliverable().contribute(Facts.of(plan), RENDERER)
              : new ManagedContainersDeliverable().contribute(Facts.of(plan), RENDERER);
          for (Artifact a : artifacts) {
            if (a.kind().equals(CloudRunValidator.KIND)) {
              Path file = dir.resolve(SamplePlans.name(sample) + "-" + cloud + "-" + deployment).resolve(a.path());
              Files.createDirectories(file.getParent());
              Files.writeString(file, a.content());
              files.add(file);
            }
          }
        }
      }
    }
    assertThat(files).anyMatch(f -> f.toString().contains("/prod-eu/"));
    GatewayApiCheck.Report report = KnativeCheck.check(files);
    assertThat(report.errors()).isEmpty();
    assertThat(report.checked()).isEqualTo(files.size());
  }

  @Test
  void aBrokenServiceIsRejectedBySchema(@TempDir Path dir) throws IOException {
    Plan plan = ManagedContainersDeliverableTest.ecommerce("gcp", "managed-containers");
    Artifact orders = ManagedContainersDeliverableTest.file(ManagedContainersDeliverableTest.render(plan),
        "deploy/cloudrun/orders.service.yaml");
    Path file = dir.resolve("orders.service.yaml");
    Files.writeString(file, orders.content().replace("containerPort: 8080", "containerPort: \"eighty\""));
    assertThat(KnativeCheck.check(List.of(file)).errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("containerPort must be integer"));
  }
}
