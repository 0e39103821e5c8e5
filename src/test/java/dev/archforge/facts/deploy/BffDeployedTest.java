package dev.archforge.facts.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.deliverable.containers.ManagedContainersDeliverable;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.RuntimePlans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The BFF of the gateway-and-bff decision is a deployable wherever the runtime is written: built,
 * sized, run, routed to from the edge, and the only caller of the public services.
 */
class BffDeployedTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Path SAAS = Path.of("samples/saas-projects.yaml");
  private static final String BASE = "deploy/k8s/base/";

  private static String content(List<Artifact> artifacts, String path) {
    return artifacts.stream().filter(a -> a.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + path)).content();
  }

  @Test
  void theBffIsOneFactSizedByCapacityAndNamedInTheRecord() {
    Plan plan = RuntimePlans.decide(SAAS, Map.of());
    Bff bff = Bff.of(plan).orElseThrow();
    assertThat(bff.name()).isEqualTo("taskhub-bff");
    assertThat(bff.paths()).containsExactly("/organizations", "/projects", "/comments", "/workspace-graph");
    assertThat(plan.capacity().service("taskhub-bff")).hasValueSatisfying(s -> assertThat(s.hpaMin()).isEqualTo(2));
    assertThat(plan.decision("api-gateway").orElseThrow().consequences())
        .anyMatch(c -> c.contains("deployable taskhub-bff") && c.contains("node"));
    Deployable d = Deployables.of(plan).stream().filter(x -> x.name().equals("taskhub-bff")).findFirst().orElseThrow();
    assertThat(d.isPublic()).isTrue();
    assertThat(d.calls()).containsExactly("organizations", "projects", "comments", "workspace-graph");
    assertThat(Deployables.of(plan)).filteredOn(x -> bff.fronts(x.name()))
        .allSatisfy(x -> assertThat(x.isPublic()).isFalse())
        .allSatisfy(x -> assertThat(x.callers()).startsWith("taskhub-bff"));
    assertThat(SystemModel.of(plan).relations()).filteredOn(r -> r.from().equals("taskhub-bff")).hasSize(4);
  }

  @Test
  void onKubernetesTheEdgeRoutesOnlyToTheBffAndOnlyTheBffReachesThePublicServices() throws Exception {
    List<Artifact> artifacts = RuntimePlans.render(RuntimePlans.decide(SAAS, Map.of("deployment", "kubernetes")));
    JsonNode route = YAML.readTree(content(artifacts, BASE + "taskhub-bff/httproute.yaml"));
    assertThat(route.at("/spec/rules").findValuesAsText("value"))
        .containsExactly("/organizations", "/projects", "/comments", "/workspace-graph");
    assertThat(route.at("/spec/rules").findValuesAsText("name")).containsOnly("taskhub-bff");
    assertThat(artifacts).extracting(Artifact::path).contains(BASE + "taskhub-bff/deployment.yaml",
        BASE + "taskhub-bff/hpa.yaml", BASE + "taskhub-bff/pdb.yaml", "deploy/taskhub-bff/Dockerfile")
        .doesNotContain(BASE + "projects/httproute.yaml", BASE + "organizations/httproute.yaml");
    JsonNode deployment = YAML.readTree(content(artifacts, BASE + "taskhub-bff/deployment.yaml"));
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(container.path("image").asText()).isEqualTo("us-central1-docker.pkg.dev/PROJECT_ID/taskhub/taskhub-bff:0.1.0");
    assertThat(container.has("readinessProbe")).isTrue();
    assertThat(container.at("/resources/requests").isObject()).isTrue();
    String projects = content(artifacts, BASE + "projects/networkpolicy.yaml");
    assertThat(projects).contains("taskhub-bff").doesNotContain("gateway-system");
    assertThat(content(artifacts, BASE + "taskhub-bff/networkpolicy.yaml")).contains("gateway-system");
    assertThat(content(artifacts, "deploy/docker-compose.yaml")).contains("taskhub-bff:");
  }

  @Test
  void onCloudRunTheBffIsPublicAndTheServicesBehindItInternal() throws Exception {
    Plan plan = RuntimePlans.decide(SAAS, Map.of("deployment", "managed-containers"));
    List<Artifact> artifacts = new ArrayList<>(new ManagedContainersDeliverable().contribute(Facts.of(plan),
        new TemplateRenderer(List.of())));
    JsonNode bff = YAML.readTree(content(artifacts, "deploy/cloudrun/taskhub-bff.service.yaml"));
    assertThat(bff.at("/metadata/annotations").path("run.googleapis.com/ingress").asText()).isEqualTo("all");
    assertThat(bff.at("/spec/template/metadata/annotations").path("autoscaling.knative.dev/minScale").asText())
        .isEqualTo("2");
    JsonNode projects = YAML.readTree(content(artifacts, "deploy/cloudrun/projects.service.yaml"));
    assertThat(projects.at("/metadata/annotations").path("run.googleapis.com/ingress").asText()).isEqualTo("internal");
  }
}
