package dev.archforge.pipeline;

import dev.archforge.deliverable.Registry;
import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.model.Artifact;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation on the spare cores gives what one thread checking file by file gives, in the same order. */
class ValidationTest {
  private static List<Artifact> broken() {
    Pipeline pipeline = Pipeline.standard();
    List<Artifact> artifacts = new ArrayList<>(pipeline.render(Facts.of(SamplePlans.plan(Path.of("samples/ecommerce.yaml"))),
        new TemplateRenderer(List.of())));
    // break one file of each validated kind, so every validator has something to say
    artifacts.replaceAll(a -> switch (a.kind().name()) {
      case "openapi" -> new Artifact(a.path(), a.content().replace("openapi: 3.0.3", "openapi: 3.0.3\nunknown: 1")
          .replaceFirst("type: object", "type: objekt"), a.kind());
      case "asyncapi" -> new Artifact(a.path(), a.content().replaceFirst("asyncapi: 3.0.0", "asyncapi: 9"), a.kind());
      case "proto" -> new Artifact(a.path(), a.content() + "\nmessage {", a.kind());
      case "sql" -> new Artifact(a.path(), a.content() + "\nCREATE TABLE (;\n", a.kind());
      case "kubernetes" -> new Artifact(a.path(), a.content().replaceFirst("kind: Deployment", "kind: Deployment\nspecc: 1"),
          a.kind());
      default -> a;
    });
    return artifacts;
  }

  @Test
  void findingsComeInTheOrderOfASequentialRun() {
    Pipeline pipeline = Pipeline.standard();
    List<Artifact> artifacts = broken();
    List<Finding> sequential = new ArrayList<>();
    for (Artifact artifact : artifacts) {
      for (Validator validator : pipeline.validators()) {
        if (validator.accepts(artifact)) {
          sequential.addAll(validator.validate(artifact));
        }
      }
    }
    List<Finding> parallel = pipeline.validate(artifacts);
    assertThat(sequential.stream().map(Finding::validator).distinct()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(parallel.subList(0, sequential.size())).isEqualTo(sequential);
    for (int run = 0; run < 5; run++) {
      assertThat(pipeline.validate(artifacts)).isEqualTo(parallel);
    }
  }

  @Test
  void aValidatorsCrashReachesTheCallerAsItself() {
    Validator crashing = new Validator() {
      @Override
      public String name() {
        return "crashing";
      }

      @Override
      public boolean accepts(Artifact artifact) {
        return true;
      }

      @Override
      public List<Finding> validate(Artifact artifact) {
        throw new IllegalStateException("boom in " + artifact.path());
      }
    };
    Pipeline pipeline = new Pipeline(new Registry(List.of()), List.of(crashing), List.of(), (r, b) -> {
      throw new AssertionError("not deciding");
    });
    assertThatThrownBy(() -> pipeline.validate(List.of(new Artifact("a.md", "x\n", Artifact.Kind.MARKDOWN))))
        .isInstanceOf(IllegalStateException.class).hasMessage("boom in a.md");
  }
}
