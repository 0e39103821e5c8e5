package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.load.BlueprintLoader;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost centre every infra/ resource is tagged with: the blueprint's, a label value on every cloud. */
class CostCentreTest {
  @TempDir
  Path dir;

  private BlueprintLoader.Result load(String costCentre) throws IOException {
    Files.writeString(dir.resolve("blueprint.yaml"), "extends: standard\ndefaults:\n  costCentre: " + costCentre + "\n");
    return new BlueprintLoader(Pipeline.deliverableIds()).load(dir.toString(), dir);
  }

  @Test
  void theStandardBlueprintSaysUnassignedAndATeamSaysItsOwn() throws IOException {
    assertThat(new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint()
        .orElseThrow().defaults().costCentre()).isEqualTo(BlueprintDefaults.NO_COST_CENTRE);
    assertThat(load("payments-42").blueprint().orElseThrow().defaults().costCentre()).isEqualTo("payments-42");
  }

  @Test
  void aValueNoCloudTakesAsALabelIsAnErrorAtItsPlace() throws IOException {
    BlueprintLoader.Result result = load("'Payments 42'");
    assertThat(result.blueprint()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(3);
      assertThat(d.column()).isEqualTo(15);
      assertThat(d.message()).contains("'defaults.costCentre' must be a lower-case label value", "'Payments 42'");
    });
  }
}
