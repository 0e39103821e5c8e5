package dev.archforge.deliverable.decisions;

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
}
