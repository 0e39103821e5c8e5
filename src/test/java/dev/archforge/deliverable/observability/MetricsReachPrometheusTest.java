package dev.archforge.deliverable.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
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

/** The metrics the alerts read can leave every pod: scraped through an admitting policy, or pushed. */
class MetricsReachPrometheusTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final String POLICY = "deploy/k8s/base/notes/networkpolicy.yaml";

  static Stream<Path> samples() {
    return SamplePlans.samples().stream();
  }

  private static List<Artifact> minimal(String observability) {
    return PIPELINE.render(Facts.of(AsyncApiPlans.variant("minimal.yaml", AsyncApiPlans.sampleText("minimal.yaml"),
        observability, null, Map.of("observability", observability)).plan()), RENDERER);
  }

  private static List<Finding> broken(List<Artifact> all, String path, UnaryOperator<String> change) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), change.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return new MetricsReachPrometheus().validate(changed);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySamplesMetricsArrive(Path sample) {
    assertThat(new MetricsReachPrometheus().validate(PIPELINE.render(Facts.of(SamplePlans.plan(sample)), RENDERER)))
        .isEmpty();
  }

  @Test
  void aPolicyThatShutsOutTheScraperIsCaught() {
    List<Artifact> all = minimal("logs-and-metrics");
    assertThat(new MetricsReachPrometheus().validate(all)).isEmpty();

    assertThat(broken(all, POLICY, t -> t.replaceFirst("(?s)  ingress:\n.*?\n  egress:", "  ingress: []\n  egress:")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("admits no scraper on port 8080"));
    assertThat(broken(all, "deploy/k8s/base/notes/deployment.yaml", t -> t.replace("prometheus.io/scrape: \"true\"",
        "prometheus.io/scrape: \"false\""))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("neither scraped"));
  }

  @Test
  void aPolicyThatKeepsThePushInIsCaught() {
    List<Artifact> all = minimal("opentelemetry");
    assertThat(new MetricsReachPrometheus().validate(all)).isEmpty();

    assertThat(broken(all, POLICY, t -> t.replace("port: 4317", "port: 4318"))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("reach the Collector on port 4317"));
  }
}
