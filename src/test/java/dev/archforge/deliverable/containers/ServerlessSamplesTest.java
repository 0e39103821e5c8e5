package dev.archforge.deliverable.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample on every cloud with {@code decisions: {deployment: serverless}}: the plan decides
 * (no check refuses it, residency included), the workspace holds the function configuration and
 * Dockerfiles for its images, and every validator and coherence rule accepts the whole workspace.
 */
class ServerlessSamplesTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  static List<Arguments> samplesOnClouds() {
    List<Arguments> list = new ArrayList<>();
    for (Path sample : SamplePlans.samples()) {
      for (String cloud : List.of("aws", "gcp", "azure", "any")) {
        list.add(Arguments.of(SamplePlans.name(sample), cloud));
      }
    }
    return list;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("samplesOnClouds")
  void everySampleRunsAsFunctionsOnEveryCloudAndValidates(String sample, String cloud) {
    Plan plan = SamplePlans.deployedOn(Path.of("samples/" + sample + ".yaml"), cloud, "serverless");
    assertThat(plan.choice("deployment")).isEqualTo("serverless");
    List<Artifact> all = PIPELINE.render(Facts.of(plan), RENDERER);
    String descriptors = switch (cloud) {
      case "aws" -> "deploy/sam/";
      case "azure" -> "deploy/containerapps/";
      default -> "deploy/cloudrun/";
    };
    assertThat(all).extracting(Artifact::path).anyMatch(p -> p.startsWith(descriptors) && !p.endsWith(".md"))
        .anyMatch(p -> p.endsWith("/Dockerfile")).noneMatch(p -> p.startsWith("deploy/k8s/"));
    assertThat(PIPELINE.validate(all)).isEmpty();
  }
}
