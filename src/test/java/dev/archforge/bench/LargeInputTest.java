package dev.archforge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.load.RequirementsLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark's generated inputs are valid requirements of the intended size. */
class LargeInputTest {
  @ParameterizedTest
  @ValueSource(ints = {7, 25, 100})
  void generatedInputLoadsCleanly(int entities) {
    var loaded = new RequirementsLoader().load("large.yaml", LargeInput.text(entities));
    assertThat(loaded.diagnostics()).isEmpty();
    var requirements = loaded.requirements().orElseThrow();
    assertThat(requirements.entities()).hasSize(entities);
    assertThat(requirements.services()).hasSize((entities + 4) / 5);
    assertThat(requirements.entities()).allSatisfy(e -> assertThat(e.fields()).hasSize(10));
  }
}
