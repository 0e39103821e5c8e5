package dev.archforge.deliverable.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * telemetry-reaches-collector: on each runtime the OTLP endpoint names the collector that runs there
 * (a sidecar on ECS and Cloud Run, the environment's agent on Container Apps, none on Lambda, the
 * cluster's on Kubernetes), and breaking it in a descriptor is caught with SLO.md named.
 */
class TelemetryReachesCollectorTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final String CLUSTER = "http://otel-collector.observability:4317";

  private static List<Artifact> render(Cloud cloud, String deployment) {
    Plan plan = RuntimePlans.decide(Path.of("samples/saas-projects.yaml"), cloud, Map.of("deployment", deployment,
        "observability", "opentelemetry"));
    return PIPELINE.render(Facts.of(plan), RENDERER);
  }

  private static List<Finding> check(List<Artifact> all) {
    return new TelemetryReachesCollector().validate(all);
  }

  private static List<Artifact> changed(List<Artifact> all, String path, UnaryOperator<String> change) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), change.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }

  private static String text(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  @Test
  void onEcsEachTaskRunsTheAdotCollectorAsASidecar() {
    List<Artifact> all = render(Cloud.AWS, "managed-containers");
    String task = "deploy/ecs/projects.task-definition.json";
    assertThat(text(all, task)).contains("\"OTEL_EXPORTER_OTLP_ENDPOINT\", \"value\": \"http://localhost:4317\"",
        "aws-otel-collector", "\"essential\": false", "/etc/ecs/ecs-default-config.yaml").doesNotContain(CLUSTER);
    assertThat(text(all, "observability/SLO.md")).contains("`http://localhost:4317`", "AWS Distro for OpenTelemetry");
    assertThat(check(all)).isEmpty();
    assertThat(check(changed(all, task, c -> c.replace("http://localhost:4317", CLUSTER)))).singleElement()
        .satisfies(f -> assertThat(f.toString()).contains(task, CLUSTER, "runs on no ecs task", "observability/SLO.md"));
    assertThat(check(changed(all, task, c -> c.replace("aws-otel-collector", "busybox")))).singleElement()
        .satisfies(f -> assertThat(f.toString()).contains(task, "no collector container runs beside it", "SLO.md"));
  }

  @Test
  void onCloudRunEachServiceRunsTheCollectorAsASidecar() {
    List<Artifact> all = render(Cloud.GCP, "managed-containers");
    String service = "deploy/cloudrun/projects.service.yaml";
    assertThat(text(all, service)).contains("value: \"http://localhost:4317\"", "otelcol-google",
        "run.googleapis.com/container-dependencies");
    assertThat(check(all)).isEmpty();
    assertThat(check(changed(all, service, c -> c.replace("http://localhost:4317", CLUSTER)))).singleElement()
        .satisfies(f -> assertThat(f.toString()).contains(service, "runs on no cloudrun task", "SLO.md"));
    assertThat(check(changed(all, service, c -> c.replace("http://localhost:4317", "http://localhost:4318"))))
        .singleElement().satisfies(f -> assertThat(f.toString()).contains("does not name", "SLO.md"));
  }

  @Test
  void onContainerAppsTheEnvironmentsAgentSetsTheEndpoint() {
    List<Artifact> all = render(Cloud.AZURE, "managed-containers");
    String app = "deploy/containerapps/projects.containerapp.yaml";
    assertThat(text(all, app)).contains("OTEL_SERVICE_NAME").doesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT");
    assertThat(text(all, "observability/SLO.md")).contains("managed OpenTelemetry agent");
    assertThat(check(all)).isEmpty();
    assertThat(check(changed(all, app, c -> c.replaceFirst("( +)- name: \"OTEL_SERVICE_NAME\"", "$1- name: "
        + "OTEL_EXPORTER_OTLP_ENDPOINT\n$1  value: " + CLUSTER + "\n$1- name: OTEL_SERVICE_NAME"))))
        .singleElement().satisfies(f -> assertThat(f.toString()).contains(app, "environment's OpenTelemetry agent",
            "SLO.md"));
  }

  @Test
  void onLambdaNoFunctionPushesOtlp() {
    List<Artifact> all = render(Cloud.AWS, "serverless");
    String sam = "deploy/sam/template.yaml";
    assertThat(text(all, sam)).contains("Tracing: Active", "OTEL_SDK_DISABLED: \"true\"")
        .doesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT");
    assertThat(check(all)).isEmpty();
    assertThat(check(changed(all, sam, c -> c.replaceFirst("( +)OTEL_SERVICE_NAME:",
        "$1OTEL_EXPORTER_OTLP_ENDPOINT: " + CLUSTER + "\n$1OTEL_SERVICE_NAME:")))).singleElement()
        .satisfies(f -> assertThat(f.toString()).contains(sam + ":", "X-Ray"));
  }

  @Test
  void onKubernetesEachConfigMapNamesTheClustersCollector() {
    List<Artifact> all = render(Cloud.AWS, "kubernetes");
    String map = "deploy/k8s/base/projects/configmap.yaml";
    assertThat(text(all, map)).contains(CLUSTER);
    assertThat(check(all)).isEmpty();
    assertThat(check(changed(all, map, c -> c.replace(CLUSTER, "http://localhost:4317")))).singleElement()
        .satisfies(f -> assertThat(f.toString()).contains(map, "no collector runs in its pod"));
  }
}
