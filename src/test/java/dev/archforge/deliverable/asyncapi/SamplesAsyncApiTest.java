package dev.archforge.deliverable.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans.Named;
import dev.archforge.deliverable.asyncapi.AsyncApiValidator;
import dev.archforge.model.Artifact;
import dev.archforge.testing.AsyncApiParser.FileReport;
import dev.archforge.testing.AsyncApiParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample that publishes events, as drafted and under each messaging choice, gives a
 * document that the in-process validator and the real {@code @asyncapi/parser} both accept.
 */
class SamplesAsyncApiTest {
  private static final AsyncApiValidator VALIDATOR = new AsyncApiValidator();

  static Stream<Named> plans() {
    return Stream.concat(AsyncApiPlans.publishingSamples().stream(), AsyncApiPlans.messagingVariants().stream());
  }

  @Test
  void theSamplesPublishEvents() {
    assertThat(AsyncApiPlans.publishingSamples()).extracting(Named::name)
        .contains("ecommerce.yaml", "fintech-ledger.yaml", "iot-telemetry.yaml", "saas-projects.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theInProcessValidatorFindsNothing(Named named) {
    Artifact document = AsyncApiPlans.render(named.plan());

    assertThat(document.path()).isEqualTo("api/asyncapi.yaml");
    assertThat(document.kind()).isEqualTo(AsyncApiDeliverable.KIND);
    assertThat(VALIDATOR.accepts(document)).isTrue();
    assertThat(VALIDATOR.validate(document)).as(named.name()).isEmpty();
  }

  @Test
  void theRealParserReportsNoErrors(@TempDir Path tmp) throws Exception {
    List<Named> plans = plans().toList();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      files.add(Files.writeString(tmp.resolve(i + ".yaml"), AsyncApiPlans.render(plans.get(i).plan()).content()));
    }

    AsyncApiParser.Report report = AsyncApiParser.parse(files);

    for (int i = 0; i < plans.size(); i++) {
      FileReport file = report.files().get(i);
      assertThat(file.errors()).as(plans.get(i).name()).isEmpty();
      assertThat(file.parsed()).as(plans.get(i).name()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void renderingIsDeterministic(Named named) {
    assertThat(AsyncApiPlans.render(named.plan()).content()).isEqualTo(AsyncApiPlans.render(named.plan()).content());
  }
}
