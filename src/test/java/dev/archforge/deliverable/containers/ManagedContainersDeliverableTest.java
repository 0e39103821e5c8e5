package dev.archforge.deliverable.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.decide.RuleDecider;
import dev.archforge.deliverable.capacity.CapacityDeliverable;
import dev.archforge.deliverable.docker.DockerDeliverable;
import dev.archforge.deliverable.k8s.KubernetesDeliverable;
import dev.archforge.facts.Facts;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.model.ServiceSizing;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deployment: managed-containers renders each cloud's own descriptor, which its validator accepts;
 * the descriptors carry CAPACITY.md's bounds, health checks and secret references; Kubernetes
 * manifests appear only for deployment: kubernetes; a broken descriptor of each kind is rejected.
 */
class ManagedContainersDeliverableTest {
  private static final Blueprint STANDARD =
      new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint().orElseThrow();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final ManagedContainersDeliverable DELIVERABLE = new ManagedContainersDeliverable();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** The e-commerce sample as microservices on a cloud, with one more choice. */
  static Plan ecommerce(String cloud, String deployment) throws IOException {
    String yaml = Files.readString(Path.of("samples/ecommerce.yaml"))
        .replaceFirst("(?m)^  cloud: aws .*$", "  cloud: " + cloud)
        .replace("decisions:                      # optional: the user's word on a topic beats the drafted one\n",
            "decisions:\n  architecture-style: microservices\n  deployment: " + deployment + "\n");
    var loaded = new RequirementsLoader().load("ecommerce.yaml", yaml);
    assertThat(loaded.errors()).isEmpty();
    return new RuleDecider().decide(loaded.requirements().orElseThrow(), STANDARD);
  }

  static List<Artifact> render(Plan plan) {
    return DELIVERABLE.contribute(Facts.of(plan), RENDERER);
  }

  static List<Finding> validate(Artifact artifact) {
    List<Finding> findings = new ArrayList<>();
    for (Validator v : DELIVERABLE.validators()) {
      if (v.accepts(artifact)) {
        findings.addAll(v.validate(artifact));
      }
    }
    return findings;
  }

  static Artifact file(List<Artifact> artifacts, String path) {
    return artifacts.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(
        path + " not in " + artifacts.stream().map(Artifact::path).toList()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws", "gcp", "azure", "any"})
  void eachCloudGetsItsOwnPlatformsDescriptorsWhichTheirValidatorAccepts(String cloud) throws IOException {
    Plan plan = ecommerce(cloud, "managed-containers");
    List<Artifact> artifacts = render(plan);
    String dir = switch (cloud) {
      case "aws" -> "deploy/ecs/";
      case "azure" -> "deploy/containerapps/";
      default -> "deploy/cloudrun/";
    };
    assertThat(artifacts).extracting(Artifact::path).allMatch(p -> p.startsWith(dir)).contains(dir + "README.md");
    assertThat(artifacts).filteredOn(a -> !a.path().endsWith(".md")).hasSize(cloud.equals("aws") ? 6 : 3)
        .allSatisfy(a -> {
          assertThat(DELIVERABLE.kindOf(a.path())).contains(a.kind());
          assertThat(validate(a)).as(a.path()).isEmpty();
        });
    Facts facts = Facts.of(plan);
    assertThat(new KubernetesDeliverable().supports(facts)).isFalse();
    assertThat(new DockerDeliverable().supports(facts)).isTrue();
    assertThat(DELIVERABLE.supports(Facts.of(ecommerce(cloud, "kubernetes")))).isFalse();
    assertThat(new KubernetesDeliverable().supports(Facts.of(ecommerce(cloud, "kubernetes")))).isTrue();
  }

  @Test
  void ecsTasksCarryTheCapacityFloorHealthChecksAndSecretsFromSecretsManager() throws IOException {
    Plan plan = ecommerce("aws", "managed-containers");
    List<Artifact> artifacts = render(plan);
    ServiceSizing catalog = plan.capacity().service("catalog").orElseThrow();
    JsonNode service = JSON.readTree(file(artifacts, "deploy/ecs/catalog.service.json").content());
    assertThat(service.path("desiredCount").asInt()).isEqualTo(catalog.hpaMin());
    assertThat(service.path("loadBalancers")).hasSize(1);
    assertThat(service.at("/networkConfiguration/awsvpcConfiguration/assignPublicIp").asText()).isEqualTo("DISABLED");
    // inventory is internal: reached through Service Connect only, no load balancer
    JsonNode inventory = JSON.readTree(file(artifacts, "deploy/ecs/inventory.service.json").content());
    assertThat(inventory.has("loadBalancers")).isFalse();
    JsonNode task = JSON.readTree(file(artifacts, "deploy/ecs/catalog.task-definition.json").content());
    JsonNode container = task.at("/containerDefinitions/0");
    assertThat(container.path("user").asText()).isEqualTo("10001:10001");
    assertThat(container.at("/healthCheck/command/0").asText()).isEqualTo("CMD");
    assertThat(container.path("environment").findValuesAsText("name")).noneMatch(n -> n.contains("PASSWORD"));
    assertThat(container.path("secrets").findValuesAsText("valueFrom"))
        .isNotEmpty().allMatch(v -> v.startsWith("arn:aws:secretsmanager:") && v.contains(":secret:shop/catalog:"));
    assertThat(container.path("environment").toString()).contains("\"INVENTORY_ADDRESS\",\"value\":\"inventory:8080\"");
  }

  @Test
  void cloudRunServicesScaleWithinTheCapacityBoundsAndOnlyPublicOnesTakeOutsideTraffic() throws IOException {
    Plan plan = ecommerce("gcp", "managed-containers");
    List<Artifact> artifacts = render(plan);
    ServiceSizing orders = plan.capacity().service("orders").orElseThrow();
    JsonNode svc = YAML.readTree(file(artifacts, "deploy/cloudrun/orders.service.yaml").content());
    JsonNode annotations = svc.at("/spec/template/metadata/annotations");
    assertThat(annotations.path("autoscaling.knative.dev/minScale").asText()).isEqualTo(String.valueOf(orders.hpaMin()));
    assertThat(annotations.path("autoscaling.knative.dev/maxScale").asText()).isEqualTo(String.valueOf(orders.hpaMax()));
    assertThat(svc.at("/metadata/annotations").path("run.googleapis.com/ingress").asText()).isEqualTo("all");
    JsonNode inventory = YAML.readTree(file(artifacts, "deploy/cloudrun/inventory.service.yaml").content());
    assertThat(inventory.at("/metadata/annotations").path("run.googleapis.com/ingress").asText()).isEqualTo("internal");
    assertThat(inventory.at("/spec/template/spec/containers/0/ports/0/name").asText()).isEqualTo("h2c");
    assertThat(inventory.at("/spec/template/spec/containers/0/startupProbe/grpc/port").asInt()).isEqualTo(8080);
    JsonNode env = svc.at("/spec/template/spec/containers/0/env");
    assertThat(env.findParents("secretKeyRef")).isNotEmpty();
    assertThat(env.toString()).doesNotContain("\"name\":\"DB_PASSWORD\",\"value\"")
        .contains("https://catalog-PROJECT_NUMBER." + plan.cells().primaryRegion().orElseThrow() + ".run.app");
  }

  @Test
  void aBrokenEcsDescriptorIsRejectedByTheAwsModel() throws IOException {
    Artifact task = file(render(ecommerce("aws", "managed-containers")), "deploy/ecs/catalog.task-definition.json");
    assertThat(findings(broken(task, "\"networkMode\": \"awsvpc\"", "\"networkMode\": \"overlay\"")))
        .anySatisfy(m -> assertThat(m).contains("`overlay` is not a value of NetworkMode"));
    assertThat(findings(broken(task, "\"essential\": true", "\"essential\": true, \"cpus\": 1")))
        .anySatisfy(m -> assertThat(m).contains("`cpus` is not a member of ContainerDefinition"));
    assertThat(findings(broken(task, "\"essential\": true", "\"essential\": \"yes\"")))
        .anySatisfy(m -> assertThat(m).contains("must be true or false"));
    assertThat(findings(broken(task, "\"user\": \"10001:10001\"", "\"user\": \"0\"")))
        .anySatisfy(m -> assertThat(m).contains("non-root"));
    assertThat(findings(broken(task, "\"memory\": \"1024\"", "\"memory\": \"300\"")))
        .anySatisfy(m -> assertThat(m).contains("not a task size Fargate offers"));
    assertThat(findings(broken(task, "{\"name\": \"SERVICE_NAME\"", "{\"name\": \"DB_PASSWORD\", \"value\": \"x\"}, "
        + "{\"name\": \"SERVICE_NAME\""))).anySatisfy(m -> assertThat(m).contains("DB_PASSWORD looks like a secret"));
    Artifact service = file(render(ecommerce("aws", "managed-containers")), "deploy/ecs/catalog.service.json");
    assertThat(findings(broken(service, "\"launchType\": \"FARGATE\"", "\"launchType\": \"LAMBDA\"")))
        .anySatisfy(m -> assertThat(m).contains("`LAMBDA` is not a value of LaunchType"));
  }

  @Test
  void aBrokenCloudRunServiceIsRejectedByTheKnativeAndKubernetesModels() throws IOException {
    Artifact svc = file(render(ecommerce("gcp", "managed-containers")), "deploy/cloudrun/catalog.service.yaml");
    assertThat(findings(broken(svc, "          image:", "          imagePullSecret: x\n          image:")))
        .anySatisfy(m -> assertThat(m).contains("RevisionSpec (PodSpec)").contains("imagePullSecret"));
    assertThat(findings(broken(svc, "autoscaling.knative.dev/minScale: \"2\"", "autoscaling.knative.dev/minScale: \"99\"")))
        .anySatisfy(m -> assertThat(m).contains("minScale 99 is above"));
    assertThat(findings(broken(svc, "- name: \"http1\"", "- name: \"web\""))).anySatisfy(m ->
        assertThat(m).contains("http1 or h2c"));
    assertThat(findings(broken(svc, "containerConcurrency: 80", "containerConcurrency: lots")))
        .anySatisfy(m -> assertThat(m).contains("containerConcurrency must be a whole number"));
    assertThat(findings(broken(svc, "spec:\n  template:", "spec:\n  replicas: 3\n  template:")))
        .anySatisfy(m -> assertThat(m).contains("`replicas` is not a field"));
  }

  @Test
  void aBrokenContainerAppIsRejected() throws IOException {
    Artifact app = file(render(ecommerce("azure", "managed-containers")), "deploy/containerapps/catalog.containerapp.yaml");
    assertThat(findings(broken(app, "activeRevisionsMode: Single", "activeRevisionsMode: Some")))
        .anySatisfy(m -> assertThat(m).contains("`Some` is not one of"));
    assertThat(findings(broken(app, "secretRef: \"db-password\"", "secretRef: \"db-passwd\"")))
        .anySatisfy(m -> assertThat(m).contains("secretRef db-passwd names no secret"));
    assertThat(findings(broken(app, "  template:\n", "  template:\n    replicas: 2\n")))
        .anySatisfy(m -> assertThat(m).contains("`replicas` is not a member here"));
    assertThat(findings(broken(app, "memory: \"1Gi\"", "memory: \"3Gi\"")))
        .anySatisfy(m -> assertThat(m).contains("not a consumption size"));
    // ingress.external is a boolean in the Container Apps API (a quoted "true" is a string)
    assertThat(app.content()).containsPattern("external: (true|false)\n");
    assertThat(findings(broken(app, "external: " + (app.content().contains("external: true") ? "true" : "false"),
        "external: \"true\""))).anySatisfy(m -> assertThat(m).contains("`\"true\"` is not a boolean"));
  }

  @Test
  void aDescriptorThatDisagreesWithItsImageOrCapacityIsACoherenceFinding() throws IOException {
    for (String cloud : List.of("gcp", "aws", "azure")) {
      Plan plan = ecommerce(cloud, "managed-containers");
      Facts facts = Facts.of(plan);
      List<Artifact> all = new ArrayList<>(new CapacityDeliverable().contribute(facts, RENDERER));
      all.addAll(new DockerDeliverable().contribute(facts, RENDERER));
      all.addAll(render(plan));
      assertThat(new DescriptorsAgree().validate(all)).as(cloud).isEmpty();
    }
    Plan plan = ecommerce("gcp", "managed-containers");
    Facts facts = Facts.of(plan);
    List<Artifact> all = new ArrayList<>(new CapacityDeliverable().contribute(facts, RENDERER));
    all.addAll(new DockerDeliverable().contribute(facts, RENDERER));
    ServiceSizing orders = plan.capacity().service("orders").orElseThrow();
    for (Artifact a : render(plan)) {
      all.add(!a.path().endsWith("orders.service.yaml") ? a : broken(broken(a, "containerPort: 8080",
          "containerPort: 9090"), "maxScale: \"" + orders.hpaMax() + "\"", "maxScale: \"999\""));
    }
    assertThat(new DescriptorsAgree().validate(all)).extracting(Finding::message).containsExactlyInAnyOrder(
        "orders listens on 9090 but deploy/orders/Dockerfile EXPOSEs 8080",
        "orders runs " + orders.hpaMin() + " to 999 instances but CAPACITY.md sizes it " + orders.hpaMin() + " to "
            + orders.hpaMax());
    all.removeIf(a -> a.path().equals("deploy/catalog/Dockerfile"));
    assertThat(new DescriptorsAgree().validate(all)).extracting(Finding::message)
        .contains("catalog runs an image no Dockerfile of the workspace builds (deploy/catalog/Dockerfile)");
  }

  private static Artifact broken(Artifact a, String from, String to) {
    assertThat(a.content()).contains(from);
    return new Artifact(a.path(), a.content().replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to)), a.kind());
  }

  private static List<String> findings(Artifact a) {
    return validate(a).stream().map(Finding::message).toList();
  }
}
