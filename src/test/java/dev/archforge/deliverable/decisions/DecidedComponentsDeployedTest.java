package dev.archforge.deliverable.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cloud;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every component a decision names runs in every runtime the workspace writes. */
class DecidedComponentsDeployedTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  static Stream<Path> samples() {
    return SamplePlans.samples().stream();
  }

  private static List<Artifact> render(String sample) {
    return Pipeline.standard().render(Facts.of(SamplePlans.plan(Path.of("samples/" + sample))), RENDERER);
  }

  private static List<Finding> check(List<Artifact> all) {
    return new DecidedComponentsDeployed().validate(all);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleRunsWhatItDecides(Path sample) {
    assertThat(check(Pipeline.standard().render(Facts.of(SamplePlans.plan(sample)), RENDERER))).isEmpty();
    assertThat(check(Pipeline.standard().render(Facts.of(SamplePlans.onKubernetes(sample)), RENDERER))).isEmpty();
  }

  @Test
  void aBffWithoutItsDescriptorOrComposeServiceIsCaught() {
    List<Artifact> all = render("saas-projects.yaml");
    List<Artifact> noDescriptor = all.stream().filter(a -> !a.path().equals("deploy/cloudrun/taskhub-bff.service.yaml"))
        .toList();
    // the BFF was the one public service: the gateway lost its entry too
    assertThat(check(noDescriptor)).extracting(Finding::toString).hasSize(2).anySatisfy(f -> assertThat(f).contains(
        "deploy/cloudrun/README.md", "decisions/0003-api-gateway.md:7 decides gateway-and-bff",
        "no workload taskhub-bff", DecidedComponentsDeployed.NAME))
        .anySatisfy(f -> assertThat(f).contains("the API gateway runs", "no public entry"));
    List<Artifact> noService = all.stream().map(a -> a.path().equals("deploy/docker-compose.yaml")
        ? new Artifact(a.path(), a.content().replace("\n  \"taskhub-bff\":\n", "\n  \"taskhub-front\":\n"), a.kind()) : a)
        .toList();
    assertThat(check(noService)).singleElement().satisfies(f -> assertThat(f.path())
        .isEqualTo("deploy/docker-compose.yaml"));
  }

  @Test
  void aClusterWithoutItsGatewayCacheOrCollectorIsCaught() {
    List<Artifact> all = Pipeline.standard().render(Facts.of(SamplePlans.onKubernetes(
        Path.of("samples/saas-projects.yaml"))), RENDERER);
    List<Artifact> broken = all.stream().filter(a -> !a.path().equals("deploy/k8s/base/gateway.yaml"))
        .map(a -> a.path().startsWith("deploy/k8s/base/") ? new Artifact(a.path(), a.content()
            .replace("CACHE_HOST", "CACHE_ADDR").replace("OTEL_SERVICE_NAME", "OTEL_NAME"), a.kind()) : a)
        .toList();
    assertThat(check(broken)).extracting(Finding::message).hasSize(3)
        .anySatisfy(m -> assertThat(m).contains("the API gateway", "no Gateway"))
        .anySatisfy(m -> assertThat(m).contains("0005-caching.md", "no deployable given CACHE_HOST"))
        .anySatisfy(m -> assertThat(m).contains("0012-observability.md", "OTEL_SERVICE_NAME"));
  }

  private static List<Artifact> changed(List<Artifact> all, String path, UnaryOperator<String> change) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), change.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }

  @Test
  void behindABffOnlyTheBffTakesPublicTrafficOnEveryPlatform() {
    String record = "decisions/0003-api-gateway.md:7 decides gateway-and-bff";
    for (Cloud cloud : List.of(Cloud.GCP, Cloud.AWS, Cloud.AZURE)) {
      List<Artifact> all = Pipeline.standard().render(Facts.of(RuntimePlans.decide(Path.of("samples/saas-projects.yaml"),
          cloud, Map.of("deployment", "managed-containers"))), RENDERER);
      assertThat(check(all)).as(cloud.spelling()).isEmpty();
      String dir = Layout.managedContainers(cloud);
      // a service behind the BFF is given public ingress: the edge is bypassed
      String projects = switch (cloud) {
        case GCP -> dir + "projects.service.yaml";
        case AWS -> dir + "projects.service.json";
        default -> dir + "projects.containerapp.yaml";
      };
      UnaryOperator<String> open = switch (cloud) {
        case GCP -> c -> c.replace("run.googleapis.com/ingress: internal", "run.googleapis.com/ingress: all");
        case AWS -> c -> c.replace("\"networkConfiguration\"", "\"loadBalancers\": [{\"targetGroupArn\": \"arn:aws:"
            + "elasticloadbalancing:us-east-1:111122223333:targetgroup/projects/0123456789abcdef\", \"containerName\": "
            + "\"projects\", \"containerPort\": 8080}],\n  \"networkConfiguration\"");
        default -> c -> c.replaceFirst("external: \"?false\"?", "external: true");
      };
      assertThat(check(changed(all, projects, open))).as(cloud.spelling()).extracting(Finding::toString)
          .anySatisfy(f -> assertThat(f).contains(projects, record, "projects takes public traffic past it"));
    }
    // the BFF loses its public ingress on Cloud Run
    List<Artifact> gcp = render("saas-projects.yaml");
    String bff = "deploy/cloudrun/taskhub-bff.service.yaml";
    assertThat(check(changed(gcp, bff, c -> c.replace("run.googleapis.com/ingress: all",
        "run.googleapis.com/ingress: internal")))).extracting(Finding::toString)
        .anySatisfy(f -> assertThat(f).contains(bff, record, "BFF taskhub-bff is the edge", "no public traffic"));
  }

  @Test
  void onEcsTheLoadBalancerFrontsTheServicesThatAttachToIt() {
    List<Artifact> all = render("ecommerce.yaml");
    assertThat(check(all)).isEmpty();
    String prod = "infra/envs/prod/main.tf";
    assertThat(check(changed(all, prod, c -> c.replace("public            = [\"shop\"]",
        "public            = [\"shop\", \"admin\"]")))).singleElement().satisfies(f -> assertThat(f.toString())
            .contains(prod + ":", "fronts [admin, shop]", "attach to its target groups are [shop]",
                "decisions/0003-api-gateway.md"));
    // the service leaves the load balancer: no public entry, and the infrastructure fronts a service that is not there
    String service = "deploy/ecs/shop.service.json";
    assertThat(check(changed(all, service, c -> c.replace("\"loadBalancers\"", "\"loadBalancersRemoved\""))))
        .extracting(Finding::toString)
        .anySatisfy(f -> assertThat(f).contains("no public entry"))
        .anySatisfy(f -> assertThat(f).contains(prod, "fronts [shop]", "are []"));
  }
}
