package dev.archforge.deliverable.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.decide.RuleDecider;
import dev.archforge.deliverable.openapi.OpenApiValidator;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped samples, through the real loader and decider, give documents both checks accept. */
class SamplesOpenApiTest {
  private static final OpenApiValidator VALIDATOR = new OpenApiValidator();

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleGivesValidOpenApiDocuments(Path sample) {
    LoadResult loaded = new RequirementsLoader().load(sample);
    assertThat(loaded.errors()).isEmpty();
    Blueprint blueprint = new dev.archforge.load.BlueprintLoader(dev.archforge.pipeline.Pipeline.deliverableIds())
        .load("standard", Path.of(".")).blueprint().orElseThrow();
    Plan plan = new RuleDecider().decide(loaded.requirements().orElseThrow(), blueprint);
    List<Artifact> artifacts = OpenApiDocs.artifacts(plan);
    assertThat(artifacts).hasSize((int) plan.requirements().services().stream()
        .filter(s -> s.api() == dev.archforge.model.Api.REST).count());
    for (Artifact a : artifacts) {
      assertThat(VALIDATOR.validate(a)).as(sample + " " + a.path()).isEmpty();
      assertThat(OpenApiDocs.invalidExamples(OpenApiDocs.tree(a.content()))).as(sample + " " + a.path()).isEmpty();
    }
  }
}
