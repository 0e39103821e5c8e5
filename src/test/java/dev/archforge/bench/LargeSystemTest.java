package dev.archforge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.pipeline.Planned;
import dev.archforge.render.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A valid input of any size that passes the limits generates valid output: one service of 2,000
 * entities (an OpenAPI document of over 3 MiB, a migration of 2,000 tables) is planned, rendered and
 * accepted by every validator. A few seconds on a quiet machine; the timeout only catches a cost
 * that grows with the square of the entities again.
 */
class LargeSystemTest {
  @TempDir Path tmp;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void twoThousandEntitiesInOneServiceGenerateValidOutput() throws IOException {
    Path input = Files.writeString(tmp.resolve("big.yaml"), LargeInput.oneService(2000));
    Pipeline pipeline = Pipeline.standard();

    Planned planned = pipeline.plan(input, Optional.empty());
    List<Artifact> artifacts = pipeline.render(planned.facts(), new TemplateRenderer(List.of()));

    assertThat(artifacts).anySatisfy(a -> assertThat(a.path()).isEqualTo("api/api/openapi.yaml")
        .satisfies(p -> assertThat(a.content().length()).isGreaterThan(3 * 1024 * 1024)));
    assertThat(pipeline.validate(artifacts)).isEmpty();
  }
}
