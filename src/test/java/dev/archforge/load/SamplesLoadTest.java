package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SamplesLoadTest {
  static Stream<Path> samples() throws IOException {
    return Files.list(Path.of("samples")).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleLoadsWithoutErrorsOrWarnings(Path sample) {
    LoadResult result = new RequirementsLoader().load(sample);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.requirements()).isPresent();
  }
}
